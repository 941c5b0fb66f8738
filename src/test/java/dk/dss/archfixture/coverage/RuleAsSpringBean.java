package dk.dss.archfixture.coverage;

import org.springframework.stereotype.Component;

/** Fixture, broken on purpose: a rule that is a Spring bean. */
@Component
public class RuleAsSpringBean {}
