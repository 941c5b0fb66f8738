/**
 * What a use case answers when it refuses a request: the thing asked for does not exist (404), is
 * not in a state that allows it (409), the request breaks a business rule (422), or the engine's
 * own rights refuse the caller (403). The web layer turns them into problem details ({@code
 * web.ApiProblems}); the use cases know nothing of HTTP.
 */
package dk.dss.flexclaims.refusal;
