package io.lightpath.southbound.emulator.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A schema-node path with list keys, e.g. {@code /components/component[name=line1]/config}.
 * Element names carry no module prefix. Immutable value type, ordered element by element by each
 * element's text form, so that sorted maps keep a subtree's leaves together (a contiguous range
 * starting at the subtree's path, see {@link #startsWith}). Text forms, template and hash are
 * computed once: paths are map keys on every hot path of the emulator.
 */
public final class DataPath implements Comparable<DataPath> {
  /** The root path. */
  public static final DataPath ROOT = new DataPath(List.of());

  private final List<Elem> elems;
  private final int hash;
  private String template;
  private String text;

  /** @param elems path elements from the root */
  public DataPath(List<Elem> elems) {
    this.elems = List.copyOf(elems);
    this.hash = this.elems.hashCode();
  }

  /** Path elements from the root. */
  public List<Elem> elems() {
    return elems;
  }

  /**
   * One path element: a node name without module prefix ({@code "*"} matches any name in
   * patterns) and its list keys, sorted by key name (a value {@code "*"} matches any in
   * patterns).
   */
  public static final class Elem implements Comparable<Elem> {
    private final String name;
    private final Map<String, String> keys;
    private final String text;
    private final int hash;

    public Elem(String name, Map<String, String> keys) {
      this.name = Objects.requireNonNull(name);
      this.keys = keys.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(keys));
      if (this.keys.isEmpty()) {
        this.text = name;
      } else {
        StringBuilder sb = new StringBuilder(name);
        this.keys.forEach((k, v) -> sb.append('[').append(k).append('=').append(v).append(']'));
        this.text = sb.toString();
      }
      this.hash = text.hashCode();
    }

    /** An element without keys. */
    public static Elem of(String name) {
      return new Elem(name, Map.of());
    }

    /** The node name. */
    public String name() {
      return name;
    }

    /** The list keys by key name (empty for non-list nodes and patterns of whole lists). */
    public Map<String, String> keys() {
      return keys;
    }

    @Override
    public int compareTo(Elem o) {
      return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Elem e && hash == e.hash && text.equals(e.text);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Parses {@code /a/b[k=v]/c}; module prefixes ({@code m:a}) are dropped. Values may not hold ']'. */
  public static DataPath parse(String text) {
    List<Elem> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '/') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) != '/' && text.charAt(i) != '[') {
        i++;
      }
      String name = stripModule(text.substring(start, i));
      Map<String, String> keys = new TreeMap<>();
      while (i < n && text.charAt(i) == '[') {
        int eq = text.indexOf('=', i);
        int close = text.indexOf(']', i);
        if (eq < 0 || close < eq) {
          throw new IllegalArgumentException("malformed key in path " + text);
        }
        keys.put(text.substring(i + 1, eq), text.substring(eq + 1, close));
        i = close + 1;
      }
      out.add(new Elem(name, keys));
    }
    return new DataPath(out);
  }

  /** Drops a {@code module:} prefix from a node name. */
  public static String stripModule(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  /** This path with {@code elem} appended. */
  public DataPath child(Elem elem) {
    List<Elem> l = new ArrayList<>(elems.size() + 1);
    l.addAll(elems);
    l.add(elem);
    return new DataPath(l);
  }

  /** This path with a key-less element appended. */
  public DataPath child(String name) {
    return child(Elem.of(name));
  }

  /** This path followed by {@code rest}. */
  public DataPath concat(DataPath rest) {
    List<Elem> l = new ArrayList<>(elems);
    l.addAll(rest.elems);
    return new DataPath(l);
  }

  /** Number of elements. */
  public int size() {
    return elems.size();
  }

  /** The last element's name, or "" at the root. */
  public String lastName() {
    return elems.isEmpty() ? "" : elems.get(elems.size() - 1).name();
  }

  /** The path of the first {@code n} elements. */
  public DataPath prefix(int n) {
    return new DataPath(elems.subList(0, n));
  }

  /** The element names joined by '/', without keys: the schema template of this path. */
  public String template() {
    String t = template;
    if (t == null) {
      t = buildTemplate();
      template = t;
    }
    return t;
  }

  private String buildTemplate() {
    StringBuilder sb = new StringBuilder();
    for (Elem e : elems) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(e.name());
    }
    return sb.toString();
  }

  /**
   * True when this concrete path lies at or below {@code pattern}; the pattern may use {@code *}
   * as a name or key value, and keys it omits match any value.
   */
  public boolean isUnder(DataPath pattern) {
    if (pattern.elems.size() > elems.size()) {
      return false;
    }
    for (int i = 0; i < pattern.elems.size(); i++) {
      Elem p = pattern.elems.get(i);
      Elem e = elems.get(i);
      if (!p.name().equals("*") && !p.name().equals(e.name())) {
        return false;
      }
      for (Map.Entry<String, String> k : p.keys().entrySet()) {
        if (!k.getValue().equals("*") && !k.getValue().equals(e.keys().get(k.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when the first elements of this path are exactly those of {@code prefix}. */
  public boolean startsWith(DataPath prefix) {
    int n = prefix.elems.size();
    if (n > elems.size()) {
      return false;
    }
    for (int i = n - 1; i >= 0; i--) {
      if (!elems.get(i).equals(prefix.elems.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(DataPath o) {
    if (this == o) {
      return 0;
    }
    int n = Math.min(elems.size(), o.elems.size());
    for (int i = 0; i < n; i++) {
      Elem a = elems.get(i);
      Elem b = o.elems.get(i);
      if (a != b) {
        int c = a.compareTo(b);
        if (c != 0) {
          return c;
        }
      }
    }
    return Integer.compare(elems.size(), o.elems.size());
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof DataPath p && hash == p.hash && elems.equals(p.elems));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      if (elems.isEmpty()) {
        t = "/";
      } else {
        StringBuilder sb = new StringBuilder();
        for (Elem e : elems) {
          sb.append('/').append(e);
        }
        t = sb.toString();
      }
      text = t;
    }
    return t;
  }
}
