package io.lightpath.api.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens (AIP-158): the last key of the previous page, base64url-encoded so clients
 * do not build them by hand.
 */
public final class PageTokens {
  /** Page size when the client gives none. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Largest page the server returns, whatever the client asks. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final String PREFIX = "after:";

  private PageTokens() {}

  public static String encode(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a token into the last key of the previous page; "" for an empty token. Records a
   * violation and returns null for a token this server did not issue.
   */
  public static String decode(String token, FieldViolations violations, String field) {
    if (token.isEmpty()) {
      return "";
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return text.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // falls through to the violation below: the token is not ours
    }
    violations.add(field, "is not a page token issued by this server");
    return null;
  }

  /** Applies the defaulting and capping rules to a requested page size. */
  public static int pageSize(int requested, FieldViolations violations, String field) {
    violations.check(requested >= 0, field, "must not be negative");
    if (requested <= 0) {
      return DEFAULT_PAGE_SIZE;
    }
    return Math.min(requested, MAX_PAGE_SIZE);
  }
}
