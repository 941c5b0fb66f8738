package dk.dss.flexclaims.process;

import dk.dss.flexclaims.coverage.RuleId;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once, with its name and its type: delegates, listeners and adapters
 * read and write it through this factory, never by a raw name and a cast. What the engine stores
 * stays readable in Cockpit and in the diagrams' conditions: an enum travels as its name, a moment
 * as a {@link Date}, rule IDs as a comma-separated list; it is converted here, once.
 *
 * @param <T> the type the application reads and writes
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  /** Text; a value of another type is no text. */
  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(
        name, value -> value instanceof String text ? text : null, value -> value);
  }

  /** Yes or no; a value of another type is no answer. */
  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(
        name, value -> value instanceof Boolean flag ? flag : null, value -> value);
  }

  /** A whole number stored as a long (amounts in øre, database IDs). */
  public static ProcessVariable<Long> wholeNumber(String name) {
    return new ProcessVariable<>(name, value -> ((Number) value).longValue(), value -> value);
  }

  /**
   * A count stored as an integer; a form may send any number type, and what is not a number is no
   * count.
   */
  public static ProcessVariable<Integer> count(String name) {
    return new ProcessVariable<>(
        name, value -> value instanceof Number number ? number.intValue() : null, value -> value);
  }

  /** A moment, stored as a {@link Date} so that timers and due dates can use it. */
  public static ProcessVariable<Instant> moment(String name) {
    return new ProcessVariable<>(name, value -> ((Date) value).toInstant(), Date::from);
  }

  /**
   * An enum, stored as its name: conditions in the diagrams compare names ({@code ${verdict ==
   * 'REJECT'}}).
   */
  public static <E extends Enum<E>> ProcessVariable<E> oneOf(String name, Class<E> type) {
    return new ProcessVariable<>(name, value -> Enum.valueOf(type, (String) value), Enum::name);
  }

  /** Rule IDs, stored comma-separated (readable in Cockpit). */
  public static ProcessVariable<List<RuleId>> rules(String name) {
    return new ProcessVariable<>(name, value -> RuleId.listOf((String) value), RuleId::join);
  }

  public String name() {
    return name;
  }

  /**
   * The value; a missing one is a technical failure of the process (the step is retried, then an
   * incident).
   */
  public T get(VariableScope scope) {
    return find(scope)
        .orElseThrow(() -> new IllegalStateException("The process has no variable " + name));
  }

  /** The value, if set (visible from the scope: local, then its parents). */
  public Optional<T> find(VariableScope scope) {
    return from(scope.getVariable(name));
  }

  /**
   * The value of a variable read by name from the engine's services (e.g. {@code
   * TaskService#getVariables}).
   */
  public Optional<T> from(Map<String, Object> variables) {
    return from(variables.get(name));
  }

  /** The value as a form or a client sent it, unchecked: for validating what a person submitted. */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  /** Sets the value where the variable already lives, else on the process instance. */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /** Sets the value on this scope only (a task, an event subprocess's execution). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** The form in which the engine stores the value, for maps handed to the engine's services. */
  public Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  private Optional<T> from(Object value) {
    return value == null ? Optional.empty() : Optional.ofNullable(read.apply(value));
  }
}
