package io.lightpath.southbound.emulator.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A schema-node path with list keys, e.g. {@code /components/component[name=line1]/config}.
 * Element names carry no module prefix. Immutable value type, ordered element by element by each
 * element's text form, so that sorted maps keep a subtree's leaves together (a contiguous range
 * starting at the subtree's path, see {@link #startsWith}). Text forms, template and hash are
 * computed once: paths are map keys on every hot path of the emulator.
 *
 * <p>Elements are interned (one canonical {@link Elem} per text, up to {@link
 * #MAX_INTERNED} of them), so that comparing two paths of a sorted map, which share most of their
 * leading elements, mostly compares references, and only the first differing element compares
 * text. Interning is only a shortcut: equality and order are those of the element texts.
 */
public final class DataPath implements Comparable<DataPath> {
  /**
   * Most distinct elements interned; later ones stay private copies (still correct, only slower
   * to compare), so that arbitrary client keys cannot grow the table without bound.
   */
  static final int MAX_INTERNED = 1 << 18;
  private static final ConcurrentHashMap<Elem, Elem> INTERNED = new ConcurrentHashMap<>();
  /** The interned key-less elements by name: {@link Elem#of} finds them without building one. */
  private static final ConcurrentHashMap<String, Elem> BY_NAME = new ConcurrentHashMap<>();
  private static final Elem[] NO_ELEMS = new Elem[0];

  /** The root path. */
  public static final DataPath ROOT = new DataPath(List.of());

  /** The elements, canonical where the intern table had room. */
  private final Elem[] path;
  private final List<Elem> elems;
  private final int hash;
  private String template;
  /** Templates of proper prefixes by length - 1, filled on demand (racy but idempotent). */
  private String[] prefixTemplates;
  /** Templates of proper suffixes by start index - 1, filled on demand (racy but idempotent). */
  private String[] suffixTemplates;
  private String text;

  /** @param elems path elements from the root */
  public DataPath(List<Elem> elems) {
    this(internAll(elems.toArray(NO_ELEMS)));
  }

  /** Takes ownership of {@code path}, whose elements are already interned. */
  private DataPath(Elem[] path) {
    this.path = path;
    this.elems = Collections.unmodifiableList(Arrays.asList(path));
    this.hash = Arrays.hashCode(path);
  }

  /**
   * A path whose elements are private copies, never interned: how paths behave once the intern
   * table is full (tests check that order and equality do not depend on interning).
   */
  static DataPath uninterned(List<Elem> elems) {
    Elem[] copies = new Elem[elems.size()];
    for (int i = 0; i < copies.length; i++) {
      copies[i] = new Elem(elems.get(i).name(), elems.get(i).keys());
    }
    return new DataPath(copies);
  }

  private static Elem[] internAll(Elem[] elems) {
    for (int i = 0; i < elems.length; i++) {
      elems[i] = intern(Objects.requireNonNull(elems[i]));
    }
    return elems;
  }

  /** The canonical element equal to {@code e} (or {@code e} itself once the table is full). */
  static Elem intern(Elem e) {
    if (e.canonical) {
      return e;
    }
    Elem c = INTERNED.get(e);
    if (c == null) {
      if (INTERNED.size() >= MAX_INTERNED) {
        return e;
      }
      c = INTERNED.putIfAbsent(e, e);
      if (c == null) {
        e.canonical = true;
        return e;
      }
    }
    return c;
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
    /**
     * True once this is the interned instance of its text. Not volatile: a thread that still
     * reads false only looks the element up in the table again.
     */
    private boolean canonical;

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

    /** An element without keys (the interned one, without allocating, when there is one). */
    public static Elem of(String name) {
      Elem e = BY_NAME.get(name);
      if (e == null) {
        e = intern(new Elem(name, Map.of()));
        if (e.canonical && BY_NAME.size() < MAX_INTERNED) {
          BY_NAME.putIfAbsent(name, e);
        }
      }
      return e;
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
      return this == o ? 0 : text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof Elem e && hash == e.hash && text.equals(e.text));
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
      out.add(keys.isEmpty() ? Elem.of(name) : new Elem(name, keys));
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
    Elem[] l = Arrays.copyOf(path, path.length + 1);
    l[path.length] = intern(Objects.requireNonNull(elem));
    DataPath child = new DataPath(l);
    String t = template;
    if (t != null) {
      // Parsing a value walks down with child(): its template follows from this one's.
      child.template = childTemplate(t, elem.name());
    }
    return child;
  }

  /** Bound of {@link #CHILD_TEMPLATES}: templates are schema names, but client paths may hold any. */
  static final int MAX_CHILD_TEMPLATES = 1 << 14;
  /** Interned templates by parent template, then child name (template strings were a large part of a Set's garbage). */
  private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> CHILD_TEMPLATES =
      new ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicInteger CHILD_TEMPLATE_COUNT =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The template {@code parent/name} (as {@link #buildTemplate}: no separator after an empty parent). */
  private static String childTemplate(String parent, String name) {
    if (parent.isEmpty()) {
      return name;
    }
    ConcurrentHashMap<String, String> byName = CHILD_TEMPLATES.get(parent);
    String t = byName == null ? null : byName.get(name);
    if (t == null) {
      t = parent + "/" + name;
      if (CHILD_TEMPLATE_COUNT.get() < MAX_CHILD_TEMPLATES) {
        String raced = CHILD_TEMPLATES.computeIfAbsent(parent, k -> new ConcurrentHashMap<>()).putIfAbsent(name, t);
        if (raced == null) {
          CHILD_TEMPLATE_COUNT.incrementAndGet();
        } else {
          t = raced;
        }
      }
    }
    return t;
  }

  /** This path with a key-less element appended. */
  public DataPath child(String name) {
    return child(Elem.of(name));
  }

  /** This path followed by {@code rest}. */
  public DataPath concat(DataPath rest) {
    Elem[] l = Arrays.copyOf(path, path.length + rest.path.length);
    System.arraycopy(rest.path, 0, l, path.length, rest.path.length);
    return new DataPath(l);
  }

  /** Number of elements. */
  public int size() {
    return path.length;
  }

  /** The last element's name, or "" at the root. */
  public String lastName() {
    return path.length == 0 ? "" : path[path.length - 1].name();
  }

  /** The path of the first {@code n} elements. */
  public DataPath prefix(int n) {
    if (n == path.length) {
      return this;
    }
    return new DataPath(Arrays.copyOf(path, n));
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

  /**
   * The template of the elements from {@code from} on (a suffix of {@link #template()}, e.g.
   * {@code config/frequency} of a leaf below a list entry at depth {@code from}), cached per path:
   * device models read their list entries' leaves by these relative names on every commit.
   */
  public String templateFrom(int from) {
    if (from == 0) {
      return template();
    }
    String[] t = suffixTemplates;
    if (t == null) {
      t = new String[path.length];
      suffixTemplates = t;
    }
    String s = t[from - 1];
    if (s == null) {
      String whole = template();
      int at = 0;
      for (int i = 0; i < from; i++) {
        at = whole.indexOf('/', at) + 1;
      }
      s = whole.substring(at);
      t[from - 1] = s;
    }
    return s;
  }

  /**
   * The template of the first {@code n} elements ({@code prefix(n).template()}), cached per path:
   * schema checks look up every prefix of a path, often several times per operation.
   */
  public String template(int n) {
    if (n == path.length) {
      return template();
    }
    if (n == 0) {
      return "";
    }
    String[] t = prefixTemplates;
    if (t == null) {
      t = new String[path.length];
      prefixTemplates = t;
    }
    String s = t[n - 1];
    if (s == null) {
      String before = template(n - 1);
      // As buildTemplate: no separator after an empty template (an empty first name).
      s = before.isEmpty() ? path[n - 1].name() : before + "/" + path[n - 1].name();
      t[n - 1] = s;
    }
    return s;
  }

  private String buildTemplate() {
    StringBuilder sb = new StringBuilder();
    for (Elem e : path) {
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
    if (pattern.path.length > path.length) {
      return false;
    }
    for (int i = 0; i < pattern.path.length; i++) {
      Elem p = pattern.path[i];
      Elem e = path[i];
      if (p == e) {
        continue;
      }
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
    Elem[] p = prefix.path;
    int n = p.length;
    if (n > path.length) {
      return false;
    }
    for (int i = n - 1; i >= 0; i--) {
      Elem a = path[i];
      Elem b = p[i];
      if (a != b && !a.equals(b)) {
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
    Elem[] other = o.path;
    int n = Math.min(path.length, other.length);
    for (int i = 0; i < n; i++) {
      Elem a = path[i];
      Elem b = other[i];
      if (a != b) {
        int c = a.text.compareTo(b.text);
        if (c != 0) {
          return c;
        }
      }
    }
    return Integer.compare(path.length, other.length);
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof DataPath p) || hash != p.hash || path.length != p.path.length) {
      return false;
    }
    for (int i = path.length - 1; i >= 0; i--) {
      Elem a = path[i];
      Elem b = p.path[i];
      if (a != b && !a.equals(b)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      if (path.length == 0) {
        t = "/";
      } else {
        StringBuilder sb = new StringBuilder();
        for (Elem e : path) {
          sb.append('/').append(e);
        }
        t = sb.toString();
      }
      text = t;
    }
    return t;
  }
}
