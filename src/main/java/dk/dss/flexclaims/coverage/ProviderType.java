package dk.dss.flexclaims.coverage;

/**
 * Kind of provider the claim asks for, where it matters to an exclusion (EXCL_PSYCHIATRIST,
 * EXCL_GP). UNSPECIFIED means the provider of the cover.
 */
public enum ProviderType {
  UNSPECIFIED,
  PSYCHIATRIST,
  NEUROPSYCHOLOGIST,
  GENERAL_PRACTITIONER
}
