package dk.dss.flexclaims.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a JUEL expression of a diagram ({@code ${...}} or {@code #{...}}) only reads:
 * variables and their properties, literals, comparisons, boolean and arithmetic operators and the
 * conditional operator. On top of that a short list of calls that read or keep a variable of the
 * instance itself, which the project's own diagrams use:
 *
 * <ul>
 *   <li>{@code now()};
 *   <li>{@code execution.getVariable('name')}, {@code execution.hasVariable('name')}, {@code
 *       execution.setVariable('name', <expression of this kind>)}, and the properties {@code
 *       execution.processBusinessKey}, {@code businessKey}, {@code id}, {@code processInstanceId},
 *       {@code currentActivityId}; the same reads on {@code task};
 *   <li>comparisons on a variable's value: {@code after}, {@code before}, {@code equals}, {@code
 *       compareTo}, {@code isEmpty}, {@code contains}, {@code size}.
 * </ul>
 *
 * Everything else is refused: other method and function calls, any reference to a Spring bean (a
 * bean is named only as a whole {@code delegateExpression}), {@code class}, the engine's other
 * objects ({@code execution.processEngineServices}, ...), and anything this parser does not know.
 */
final class ExpressionCheck {

  private static final Set<String> VALUE_METHODS =
      Set.of("after", "before", "equals", "compareTo", "isEmpty", "contains", "size");
  private static final Set<String> SCOPE_READS =
      Set.of("getVariable", "hasVariable", "getVariableLocal");
  private static final Set<String> SCOPE_PROPERTIES =
      Set.of(
          "processBusinessKey",
          "businessKey",
          "id",
          "processInstanceId",
          "currentActivityId",
          "name",
          "assignee",
          "taskDefinitionKey",
          "eventName");
  private static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of(
          "class",
          "getClass",
          "classLoader",
          "declaredMethods",
          "methods",
          "processEngineServices",
          "processEngine",
          "bpmnModelInstance",
          "bpmnModelElementInstance");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "empty",
          "true",
          "false",
          "null",
          "instanceof");

  private final Predicate<String> isBean;

  /**
   * @param isBean whether a name is a bean of the application, which expressions must not reach
   */
  ExpressionCheck(Predicate<String> isBean) {
    this.isBean = isBean;
  }

  /** Why the text (which may hold several expressions among literal text) is refused, or null. */
  String refusal(String text) {
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          return "an expression without its closing brace";
        }
        String body = text.substring(i + 2, end);
        String why = refusalOfBody(body);
        if (why != null) {
          return why + " in " + quote(text.substring(i, end + 1));
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return null;
  }

  private static String quote(String expression) {
    return "'"
        + (expression.length() > 120 ? expression.substring(0, 117) + "..." : expression)
        + "'";
  }

  private static int closingBrace(String text, int from) {
    char inString = 0;
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString != 0) {
        if (c == '\\') {
          i++;
        } else if (c == inString) {
          inString = 0;
        }
      } else if (c == '\'' || c == '"') {
        inString = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  String refusalOfBody(String body) {
    List<String> tokens;
    try {
      tokens = tokenize(body);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    Parser parser = new Parser(tokens);
    try {
      parser.expression();
      if (!parser.atEnd()) {
        return "'" + parser.peek() + "' is not allowed";
      }
      return null;
    } catch (Refused e) {
      return e.getMessage();
    }
  }

  private static List<String> tokenize(String s) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        tokens.add(s.substring(start, i));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        tokens.add(s.substring(start, i));
      } else if (c == '\'' || c == '"') {
        int start = i++;
        while (i < s.length() && s.charAt(i) != c) {
          if (s.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("an unterminated string");
        }
        i++;
        tokens.add(s.substring(start, i));
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
          tokens.add(two);
          i += 2;
        } else if ("()[].,!<>+-*/%?:".indexOf(c) >= 0) {
          tokens.add(String.valueOf(c));
          i++;
        } else {
          throw new IllegalArgumentException("'" + c + "' is not allowed");
        }
      }
    }
    return tokens;
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final class Parser {
    private final List<String> tokens;
    private int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return pos >= tokens.size();
    }

    String peek() {
      return atEnd() ? "" : tokens.get(pos);
    }

    boolean accept(String... options) {
      for (String option : options) {
        if (!atEnd() && tokens.get(pos).equals(option)) {
          pos++;
          return true;
        }
      }
      return false;
    }

    void expect(String token) {
      if (!accept(token)) {
        throw new Refused(atEnd() ? "an incomplete expression" : "'" + peek() + "' is not allowed");
      }
    }

    void expression() {
      or();
      if (accept("?")) {
        expression();
        expect(":");
        expression();
      }
    }

    void or() {
      and();
      while (accept("||", "or")) {
        and();
      }
    }

    void and() {
      equality();
      while (accept("&&", "and")) {
        equality();
      }
    }

    void equality() {
      relation();
      while (accept("==", "!=", "eq", "ne")) {
        relation();
      }
    }

    void relation() {
      sum();
      while (accept("<", ">", "<=", ">=", "lt", "gt", "le", "ge")) {
        sum();
      }
    }

    void sum() {
      product();
      while (accept("+", "-")) {
        product();
      }
    }

    void product() {
      unary();
      while (accept("*", "/", "%", "div", "mod")) {
        unary();
      }
    }

    void unary() {
      if (accept("!", "not", "-", "empty")) {
        unary();
      } else {
        value();
      }
    }

    void value() {
      if (atEnd()) {
        throw new Refused("an incomplete expression");
      }
      String t = tokens.get(pos);
      if (accept("(")) {
        expression();
        expect(")");
        return;
      }
      if (t.startsWith("'")
          || t.startsWith("\"")
          || Character.isDigit(t.charAt(0))
          || t.equals("true")
          || t.equals("false")
          || t.equals("null")) {
        pos++;
        return;
      }
      if (!Character.isJavaIdentifierStart(t.charAt(0)) || KEYWORDS.contains(t)) {
        throw new Refused("'" + t + "' is not allowed");
      }
      pos++;
      reference(t);
    }

    /** What follows a root identifier: a function call, or property and index access. */
    void reference(String root) {
      if (accept("(")) {
        if (root.equals("now")) {
          expect(")");
        } else {
          throw new Refused("the function call '" + root + "(' is not allowed");
        }
        suffixes(false);
        return;
      }
      if (root.equals("execution") || root.equals("task")) {
        scopeAccess(root);
        return;
      }
      if (root.equals("authenticatedUserId")) {
        return;
      }
      if (Set.of("externalTask", "caseExecution", "variableScope", "T").contains(root)) {
        throw new Refused("'" + root + "' is not allowed");
      }
      if (isBean.test(root)) {
        throw new Refused(
            "the bean '" + root + "' may only be named as a whole delegate expression");
      }
      suffixes(false);
    }

    /** execution.xxx / task.xxx: reading or keeping a variable, or a harmless property. */
    void scopeAccess(String root) {
      if (!accept(".")) {
        throw new Refused("'" + root + "' on its own is not allowed");
      }
      String member = peek();
      pos++;
      if (accept("(")) {
        if (SCOPE_READS.contains(member)) {
          stringLiteral(root, member);
          expect(")");
        } else if (member.equals("setVariable") && root.equals("execution")) {
          stringLiteral(root, member);
          expect(",");
          expression();
          expect(")");
        } else {
          throw new Refused("the call '" + root + "." + member + "(' is not allowed");
        }
        suffixes(false);
        return;
      }
      if (!SCOPE_PROPERTIES.contains(member)) {
        throw new Refused("'" + root + "." + member + "' is not allowed");
      }
      if (peek().equals(".") || peek().equals("[")) {
        throw new Refused("'" + root + "." + member + "' may not be taken further");
      }
    }

    void stringLiteral(String root, String member) {
      String t = peek();
      if (!(t.startsWith("'") || t.startsWith("\""))) {
        throw new Refused("'" + root + "." + member + "' takes a variable name in quotes");
      }
      pos++;
    }

    /** .property, [index] and the few comparison methods on a value. */
    void suffixes(boolean unused) {
      while (true) {
        if (accept(".")) {
          String name = peek();
          if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new Refused("'." + name + "' is not allowed");
          }
          pos++;
          if (FORBIDDEN_PROPERTIES.contains(name)) {
            throw new Refused("'." + name + "' is not allowed");
          }
          if (accept("(")) {
            if (!VALUE_METHODS.contains(name)) {
              throw new Refused("the method call '." + name + "(' is not allowed");
            }
            if (!accept(")")) {
              expression();
              while (accept(",")) {
                expression();
              }
              expect(")");
            }
          }
        } else if (accept("[")) {
          expression();
          expect("]");
        } else {
          return;
        }
      }
    }
  }
}
