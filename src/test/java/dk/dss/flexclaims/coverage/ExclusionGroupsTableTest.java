package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DMN table ICD-10 -> exclusion group, boundaries included; one table per EXCL_* rule of
 * section 4.
 */
class ExclusionGroupsTableTest {

  private final ExclusionGroups table = DmnFileExclusionGroups.fromProcessesFolder();

  /** The covers a claim can have (advice and second opinion are requests, not looked up). */
  static final List<Cover> CLAIM_COVERS =
      List.of(
          Cover.PHYSIO,
          Cover.CHIRO,
          Cover.OSTEO,
          Cover.SPECIALIST_EXAM,
          Cover.PSYCHOLOGIST,
          Cover.TRAUMA);

  /**
   * A row that applies under every cover: the same answer for each. {@code expected} is a rule ID
   * (an auto row), a rule ID followed by ":TEAM" (a row the health team decides), or "-" for no
   * group.
   */
  private void assertGroup(String code, String expected) {
    for (Cover cover : CLAIM_COVERS) {
      assertGroup(code, cover, expected);
    }
  }

  private void assertGroup(String code, Cover cover, String expected) {
    Optional<Exclusion> actual = table.exclusionFor(code, cover);
    if (expected == null || expected.isBlank()) {
      assertThat(actual).as(code + " under " + cover).isEmpty();
    } else {
      String[] parts = expected.split(":");
      Exclusion.Application application =
          parts.length > 1 ? Exclusion.Application.valueOf(parts[1]) : Exclusion.Application.AUTO;
      assertThat(actual)
          .as(code + " under " + cover)
          .contains(new Exclusion(RuleId.valueOf(parts[0]), application));
    }
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "L70.0, EXCL_COSMETIC",
        "L81.4, EXCL_COSMETIC",
        "D22.5, EXCL_COSMETIC:TEAM",
        "D22, EXCL_COSMETIC:TEAM",
        "D22.9, EXCL_COSMETIC:TEAM",
        "D21.9, -",
        "B07, EXCL_COSMETIC",
        "L57.0, EXCL_COSMETIC",
        "L82, EXCL_COSMETIC",
        "L20.9, EXCL_COSMETIC",
        "L30.9, EXCL_COSMETIC",
        "L19, -",
        "L31, -",
        "C44.3, -",
        "D23, -"
      })
  void EXCL_COSMETIC(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "R61, EXCL_HYPERHIDROSIS",
        "R61.9, EXCL_HYPERHIDROSIS",
        "L74.5, EXCL_HYPERHIDROSIS",
        "L74.0, -",
        "L74.4, -",
        "L74.6, -",
        "L74, -",
        "R60, -"
      })
  void EXCL_HYPERHIDROSIS(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "K00, EXCL_DENTAL",
        "K02.1, EXCL_DENTAL",
        "K14, EXCL_DENTAL",
        "K14.9, EXCL_DENTAL",
        "K15, -",
        "J99, -",
        "K20, -"
      })
  void EXCL_DENTAL(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "N97.9, EXCL_FERTILITY_PREGNANCY",
        "N46, EXCL_FERTILITY_PREGNANCY",
        "Z31.4, EXCL_FERTILITY_PREGNANCY",
        "Z32.1, EXCL_FERTILITY_PREGNANCY",
        "Z37, -",
        "Z30, -",
        "N98, -",
        "P00, -"
      })
  void EXCL_FERTILITY_PREGNANCY(String code, String expected) {
    assertGroup(code, expected);
  }

  /** Scans and examinations during pregnancy: excluded for a specialist examination only. */
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "O26.7, SPECIALIST_EXAM, EXCL_FERTILITY_PREGNANCY",
        "O26.7, PHYSIO, -",
        "O26.7, CHIRO, -",
        "O26.7, OSTEO, -",
        "O00, SPECIALIST_EXAM, EXCL_FERTILITY_PREGNANCY",
        "O99.8, SPECIALIST_EXAM, EXCL_FERTILITY_PREGNANCY",
        "O99.8, PHYSIO, -",
        "O00, PSYCHOLOGIST, -",
        "Z33, SPECIALIST_EXAM, EXCL_FERTILITY_PREGNANCY",
        "Z36.9, SPECIALIST_EXAM, EXCL_FERTILITY_PREGNANCY",
        "Z34.0, PHYSIO, -",
        "Z36, OSTEO, -",
        "Z37, SPECIALIST_EXAM, -",
        "P00, SPECIALIST_EXAM, -",
        "N99, SPECIALIST_EXAM, -"
      })
  void EXCL_FERTILITY_PREGNANCY_pregnancyOnlyForSpecialistExamination(
      String code, Cover cover, String expected) {
    assertGroup(code, cover, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"G47.3, EXCL_SLEEP", "F51.0, EXCL_SLEEP", "G46, -", "G48, -"})
  void EXCL_SLEEP(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "H49, EXCL_VISION_HEARING",
        "H52.1, EXCL_VISION_HEARING",
        "H54.9, EXCL_VISION_HEARING",
        "H90.3, EXCL_VISION_HEARING",
        "H91.9, EXCL_VISION_HEARING",
        "H48, -",
        "H55, -",
        "H92, -",
        "H66, -"
      })
  void EXCL_VISION_HEARING(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"K60.2, EXCL_ANORECTAL", "L05.0, EXCL_ANORECTAL", "K61, -", "K59, -"})
  void EXCL_ANORECTAL(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"F40.1, EXCL_PHOBIA", "F40, EXCL_PHOBIA", "F41.1, -", "F39, -"})
  void EXCL_PHOBIA(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "Z63.0, EXCL_BEHAVIOUR",
        "Z70, EXCL_BEHAVIOUR",
        "F63.2, EXCL_BEHAVIOUR",
        "F63.8, EXCL_BEHAVIOUR",
        "F63.9, EXCL_BEHAVIOUR",
        "F63.1, -",
        "F64, -",
        "Z64, -",
        "Z71, -"
      })
  void EXCL_BEHAVIOUR(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "F20, EXCL_SERIOUS_MENTAL",
        "F29, EXCL_SERIOUS_MENTAL",
        "F30.1, EXCL_SERIOUS_MENTAL",
        "F31.9, EXCL_SERIOUS_MENTAL",
        "F43.1, EXCL_SERIOUS_MENTAL",
        "F431, EXCL_SERIOUS_MENTAL",
        "F50.0, EXCL_SERIOUS_MENTAL",
        "F42.2, EXCL_SERIOUS_MENTAL",
        "F43.0, -",
        "F43.2, -",
        "F43, -",
        "F32.1, -",
        "F41.1, -",
        "F19, -"
      })
  void EXCL_SERIOUS_MENTAL(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "F90.0, EXCL_ENDURING_MENTAL",
        "F95.2, EXCL_ENDURING_MENTAL",
        "F84.5, EXCL_ENDURING_MENTAL",
        "F95.1, -",
        "F95.8, -",
        "F91, -",
        "F83, -"
      })
  void EXCL_ENDURING_MENTAL(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"F63.0, EXCL_GAMBLING", "f63.0, EXCL_GAMBLING", "F63.1, -", "F62, -"})
  void EXCL_GAMBLING(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "A50, EXCL_VENEREAL",
        "A64, EXCL_VENEREAL",
        "B20, EXCL_VENEREAL",
        "B24, EXCL_VENEREAL",
        "F52.0, EXCL_VENEREAL",
        "N48.4, EXCL_VENEREAL",
        "N48.3, -",
        "N48.5, -",
        "A65, -",
        "B25, -",
        "A49, -"
      })
  void EXCL_VENEREAL(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"T82.0, EXCL_IMPLANT", "T85.9, EXCL_IMPLANT", "T81, -", "T86, -"})
  void EXCL_IMPLANT(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "I20.0, EXCL_CARDIAC",
        "I25.9, EXCL_CARDIAC",
        "I25, EXCL_CARDIAC",
        "I30.0, EXCL_CARDIAC:TEAM",
        "I30, EXCL_CARDIAC:TEAM",
        "I48.9, EXCL_CARDIAC:TEAM",
        "I52, EXCL_CARDIAC:TEAM",
        "I52.8, EXCL_CARDIAC:TEAM",
        "I19, -",
        "I26, -",
        "I28.9, -",
        "I10, -",
        "I53, -"
      })
  void EXCL_CARDIAC(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "Z00.0, EXCL_PREVENTIVE",
        "Z02.9, EXCL_PREVENTIVE",
        "Z10, EXCL_PREVENTIVE",
        "Z13.9, EXCL_PREVENTIVE",
        "Z23, EXCL_PREVENTIVE",
        "Z29.1, EXCL_PREVENTIVE",
        "Z03.0, -",
        "Z03.9, -",
        "Z04.8, -",
        "Z05, -",
        "Z09, -",
        "Z14, -",
        "Z22, -",
        "Z30, -"
      })
  void EXCL_PREVENTIVE(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"U07.1, EXCL_WAR_EPIDEMIC", "U08, -", "U06, -"})
  void EXCL_WAR_EPIDEMIC_code(String code, String expected) {
    assertGroup(code, expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"M54.5", "S83.2", "F32.1", "F43.0", "C44.3", "M17.1"})
  void covered_conditions_are_in_no_group(String code) {
    assertGroup(code, (String) null);
  }

  @ParameterizedTest
  @CsvSource({
    "F431, F43.1",
    "' f43.1 ', F43.1",
    "DF431, F43.1",
    "K14, K14",
    "k149, K14.9",
    "L74.5, L74.5"
  })
  void codes_are_normalised(String raw, String normalised) {
    assertThat(Icd10.normalise(raw)).isEqualTo(normalised);
  }

  @Test
  void table_answers_only_known_exclusion_rule_ids() {
    var decision = DmnFileExclusionGroups.fromProcessesFolder().decision();
    assertThat(decision.isDecisionTable()).isTrue();
    var rules =
        ((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic())
            .getRules();
    assertThat(rules).isNotEmpty();
    for (var rule : rules) {
      var conclusions = rule.getConclusions();
      assertThat(conclusions).as("row " + rule.getId()).hasSize(2);
      String output = conclusions.get(0).getExpression().replace("\"", "").trim();
      assertThat(RuleId.valueOf(output).name()).as("row " + rule.getId()).startsWith("EXCL_");
      String application = conclusions.get(1).getExpression().replace("\"", "").trim();
      assertThat(Exclusion.Application.valueOf(application)).as("row " + rule.getId()).isNotNull();
    }
  }
}
