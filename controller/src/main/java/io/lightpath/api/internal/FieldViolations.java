package io.lightpath.api.internal;

import com.google.rpc.BadRequest;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem in a request before answering, so a client fixes all its fields in one
 * round trip instead of one per call.
 */
public final class FieldViolations {
  /** Resource ids: lower-case letters, digits and '-', starting with a letter, 1 to 63 long. */
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private final List<BadRequest.FieldViolation> violations = new ArrayList<>();

  /** Records a violation of {@code field} (a dotted path such as "device.address"). */
  public FieldViolations add(String field, String description) {
    violations.add(
        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build());
    return this;
  }

  /** Records a violation unless {@code ok}. */
  public FieldViolations check(boolean ok, String field, String description) {
    if (!ok) {
      add(field, description);
    }
    return this;
  }

  /** Requires a non-blank string. */
  public FieldViolations required(String value, String field) {
    return check(value != null && !value.isBlank(), field, "is required");
  }

  /** Requires a valid resource id. */
  public FieldViolations id(String value, String field) {
    if (value == null || value.isEmpty()) {
      return add(field, "is required");
    }
    return check(
        ID.matcher(value).matches(),
        field,
        "must be 1 to 63 lower-case letters, digits or '-', starting with a letter; got \""
            + value
            + "\"");
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Throws INVALID_ARGUMENT listing every violation, if there is any. */
  public void throwIfAny() throws StatusRuntimeException {
    if (!violations.isEmpty()) {
      throw RpcErrors.invalid(violations);
    }
  }

  /** Parses "collection/id" and returns the id, or records a violation and returns null. */
  public String resourceId(String name, String collection, String field) {
    String prefix = collection + "/";
    if (name == null || !name.startsWith(prefix)) {
      add(field, "must look like \"" + prefix + "{id}\"; got \"" + name + "\"");
      return null;
    }
    String id = name.substring(prefix.length());
    int before = violations.size();
    id(id, field);
    return violations.size() == before ? id : null;
  }
}
