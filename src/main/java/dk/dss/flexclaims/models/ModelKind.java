package dk.dss.flexclaims.models;

import java.util.Locale;
import java.util.Optional;

/** What a deployed or packaged model is: a BPMN process, a DMN decision, or a Camunda Form. */
public enum ModelKind {
  PROCESS(".bpmn", "application/xml"),
  DECISION(".dmn", "application/xml"),
  FORM(".form", "application/json");

  private final String suffix;
  private final String mediaType;

  ModelKind(String suffix, String mediaType) {
    this.suffix = suffix;
    this.mediaType = mediaType;
  }

  /** The file name ending, with its dot. */
  public String suffix() {
    return suffix;
  }

  /** The media type of the file. */
  public String mediaType() {
    return mediaType;
  }

  /** The kind of a file by its name. */
  public static Optional<ModelKind> ofFile(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    for (ModelKind kind : values()) {
      if (name.endsWith(kind.suffix)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
