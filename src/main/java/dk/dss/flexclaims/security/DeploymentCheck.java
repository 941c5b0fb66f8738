package dk.dss.flexclaims.security;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Whether a deployment's resource would run code that a process owner could not run otherwise (ADR
 * 0011). BPMN: no script tasks, no scripts anywhere (listeners, mappings, conditions with a
 * language), no connectors, {@code camunda:class} only from {@value #OWN_PACKAGE}, timer, message,
 * signal and conditional start events only on the project's own processes, and expressions only of
 * the reading kind {@link ExpressionCheck} allows; a delegate expression names a delegate bean and
 * nothing else. DMN: FEEL or reading JUEL only. Script, HTML and class files, CMMN, embedded and
 * app forms are refused outright.
 */
public final class DeploymentCheck {

  static final String OWN_PACKAGE = "dk.dss.flexclaims.";

  private static final Pattern DELEGATE_EXPRESSION =
      Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
  private static final Set<String> FORBIDDEN_SUFFIXES =
      Set.of(
          ".js",
          ".mjs",
          ".html",
          ".htm",
          ".groovy",
          ".py",
          ".rb",
          ".jar",
          ".class",
          ".cmmn",
          ".cmmn10.xml",
          ".sh");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  private static final Set<String> DELEGATE_ATTRIBUTES =
      Set.of("delegateExpression", "variableMappingDelegateExpression");

  /** A refusal: the resource (file), the element's id (or its tag when it has none) and why. */
  public record Finding(String resource, String element, String reason) {
    public String message() {
      return resource + ", element '" + element + "': " + reason;
    }
  }

  private final Predicate<String> isDelegateBean;
  private final Set<String> ownProcessKeys;
  private final ExpressionCheck expressions;

  /**
   * @param isBean whether a name is a bean of the application
   * @param isDelegateBean whether a name is a bean that is a delegate or listener
   * @param ownProcessKeys the process keys the project ships; only they may start on their own
   */
  public DeploymentCheck(
      Predicate<String> isBean, Predicate<String> isDelegateBean, Set<String> ownProcessKeys) {
    this.isDelegateBean = isDelegateBean;
    this.ownProcessKeys = Set.copyOf(ownProcessKeys);
    this.expressions = new ExpressionCheck(isBean);
  }

  public Optional<Finding> check(String resourceName, byte[] content) {
    String name = resourceName == null ? "(unnamed)" : resourceName;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : FORBIDDEN_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return Optional.of(
            new Finding(
                name, "-", "files of this kind (" + suffix + ") run code and are not deployed"));
      }
    }
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      return checkBpmn(name, content);
    }
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      return checkDmn(name, content);
    }
    return Optional.empty();
  }

  private Optional<Finding> checkBpmn(String name, byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      return Optional.of(new Finding(name, "-", "not a BPMN file the engine can read"));
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (!(start.getParentElement() instanceof Process process)) {
        continue;
      }
      for (EventDefinition definition : start.getEventDefinitions()) {
        String kind =
            definition instanceof TimerEventDefinition
                ? "timer"
                : definition instanceof MessageEventDefinition
                    ? "message"
                    : definition instanceof SignalEventDefinition
                        ? "signal"
                        : definition instanceof ConditionalEventDefinition ? "conditional" : null;
        if (kind != null && !ownProcessKeys.contains(process.getId())) {
          return Optional.of(
              new Finding(
                  name,
                  idOf(start.getId(), "startEvent"),
                  "a "
                      + kind
                      + " start event starts instances without a start right; only the project's processes "
                      + ownProcessKeys.stream().sorted().toList()
                      + " may have one"));
        }
      }
    }
    return walk(name, model);
  }

  private Optional<Finding> checkDmn(String name, byte[] content) {
    ModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      return Optional.of(new Finding(name, "-", "not a DMN file the engine can read"));
    }
    return walk(name, model);
  }

  private Optional<Finding> walk(String name, ModelInstance model) {
    Node root = model.getDocument().getDomSource().getNode();
    Element element =
        root instanceof org.w3c.dom.Document document
            ? document.getDocumentElement()
            : (Element) root;
    return walk(name, element, "-");
  }

  private Optional<Finding> walk(String name, Element element, String enclosingId) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
    String tag = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    String where = "-".equals(id) ? tag : id;
    if (tag.equals("documentation") || tag.equals("textAnnotation")) {
      return Optional.empty(); // never evaluated
    }
    Optional<Finding> found = checkElement(name, element, tag, where);
    if (found.isPresent()) {
      return found;
    }
    NodeList children = element.getChildNodes();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        found = walk(name, childElement, id);
        if (found.isPresent()) {
          return found;
        }
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    String refusal = expressions.refusal(text.toString());
    if (refusal != null) {
      return Optional.of(
          new Finding(name, where, "the expression does more than read variables: " + refusal));
    }
    if (tag.equals("text") && text.toString().matches("(?s).*\\bexternal\\s*\\{.*")) {
      return Optional.of(new Finding(name, where, "a FEEL external function calls Java"));
    }
    return Optional.empty();
  }

  private Optional<Finding> checkElement(String name, Element element, String tag, String where) {
    if (tag.equals("scriptTask")) {
      return Optional.of(new Finding(name, where, "a script task runs code on the server"));
    }
    if (tag.equals("script")) {
      return Optional.of(
          new Finding(name, where, "a script (camunda:script) runs code on the server"));
    }
    if (tag.equals("connector")) {
      return Optional.of(
          new Finding(name, where, "a connector (camunda:connector) calls out from the server"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      if (attribute.getNamespaceURI() != null
          && attribute.getNamespaceURI().startsWith("http://www.w3.org/")) {
        continue;
      }
      if (attributeName.equals("language") || attributeName.equals("scriptFormat")) {
        return Optional.of(
            new Finding(name, where, "a script in '" + value + "' runs code on the server"));
      }
      if (attributeName.equals("expressionLanguage") || attributeName.equals("typeLanguage")) {
        String language = value.toLowerCase(Locale.ROOT);
        if (!language.contains("feel")
            && !language.equals("juel")
            && !language.startsWith("http://www.w3.org/")) {
          return Optional.of(
              new Finding(name, where, "the expression language '" + value + "' runs scripts"));
        }
      }
      if (CLASS_ATTRIBUTES.contains(attributeName)) {
        if (!value.trim().startsWith(OWN_PACKAGE)) {
          return Optional.of(
              new Finding(
                  name,
                  where,
                  "the class '"
                      + value
                      + "' is not one of the application's ("
                      + OWN_PACKAGE
                      + "*)"));
        }
        continue;
      }
      if (attributeName.equals("formKey") || attributeName.equals("formRef")) {
        String form = value.trim().toLowerCase(Locale.ROOT);
        if (form.startsWith("embedded:") || form.startsWith("app:")) {
          return Optional.of(
              new Finding(name, where, "an embedded or app form runs its own script in Tasklist"));
        }
      }
      if (DELEGATE_ATTRIBUTES.contains(attributeName)) {
        Matcher bean = DELEGATE_EXPRESSION.matcher(value);
        if (!bean.matches() || !isDelegateBean.test(bean.group(1))) {
          return Optional.of(
              new Finding(
                  name,
                  where,
                  "the delegate expression '"
                      + value
                      + "' does not name one of the application's delegates"));
        }
        continue;
      }
      String refusal = expressions.refusal(value);
      if (refusal != null) {
        return Optional.of(
            new Finding(name, where, "the expression does more than read variables: " + refusal));
      }
    }
    return Optional.empty();
  }

  private static String idOf(String id, String fallback) {
    return id == null || id.isBlank() ? fallback : id;
  }
}
