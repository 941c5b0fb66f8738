/**
 * A deliberately broken miniature of the application's layout, for {@code ArchitectureTest}: each
 * class breaks one of the architecture rules. Test sources only; nothing here is a Spring bean of
 * the application (it lies outside {@code dk.dss.flexclaims}).
 */
package dk.dss.archfixture;
