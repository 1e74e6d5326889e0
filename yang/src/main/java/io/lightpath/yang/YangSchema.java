package io.lightpath.yang;

import io.lightpath.yang.internal.JsonTranscoder;
import io.lightpath.yang.internal.LeafRefChecker;
import io.lightpath.yang.internal.PathResolver;
import io.lightpath.yang.internal.SchemaLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.tree.leafref.LeafRefContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;

/**
 * A parsed, immutable set of YANG modules: the schema that {@link JsonIetfCodec} and
 * {@link ConfigDatastore} validate against. Thread-safe.
 *
 * <p>Parsing YANG takes seconds, so schemas are cached for the life of the process:
 * {@link #bundled()} parses Lightpath's own modules on first use, {@link #fromDirectory(Path)}
 * parses a directory once per (absolute, normalized) path. Derived helpers (codecs, leafref
 * index) are built lazily and cached here too.
 */
public final class YangSchema {
    private static final Map<Path, YangSchema> DIRECTORY_CACHE = new ConcurrentHashMap<>();

    private final EffectiveModelContext context;
    private final String source;
    private final List<ModuleInfo> modules;
    private final JSONCodecFactory codecs;
    private final PathResolver resolver;
    private final JsonTranscoder transcoder;
    private volatile LeafRefContext leafRefs;
    private volatile LeafRefChecker leafRefChecker;

    private YangSchema(EffectiveModelContext context, String source) {
        this.context = Objects.requireNonNull(context, "context");
        this.source = source;
        this.modules = describe(context);
        this.codecs = JSONCodecFactorySupplier.RFC7951.getShared(context);
        this.resolver = new PathResolver(context, codecs);
        this.transcoder = new JsonTranscoder(codecs, resolver);
    }

    private static final class Bundled {
        static final YangSchema INSTANCE = new YangSchema(SchemaLoader.loadBundled(), "bundled");
    }

    /**
     * Lightpath's own modules (OpenConfig-compatible subsets of openconfig-platform,
     * openconfig-terminal-device, openconfig-wavelength-router and their imports, plus
     * lightpath-optical-switch). Parsed on the first call, then shared.
     */
    public static YangSchema bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * All {@code *.yang} files under {@code directory} (recursively), for example the full
     * upstream OpenConfig models. Parsed on the first call for a directory, then shared.
     *
     * @throws IllegalArgumentException if the directory holds no modules or they do not compile
     */
    public static YangSchema fromDirectory(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        return DIRECTORY_CACHE.computeIfAbsent(key, k -> new YangSchema(SchemaLoader.loadDirectory(k), k.toString()));
    }

    /** The modules of this schema sorted by name, e.g. for a gNMI {@code CapabilityResponse}. */
    public List<ModuleInfo> modules() {
        return modules;
    }

    /** The module with this name, if the schema has it. */
    public Optional<ModuleInfo> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The yangtools model, for callers that need yangtools directly. Most callers should use
     * {@link JsonIetfCodec} and {@link ConfigDatastore} instead.
     */
    public EffectiveModelContext modelContext() {
        return context;
    }

    /** Where the schema came from: {@code "bundled"} or the directory. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "YangSchema[" + source + ", " + modules.size() + " modules]";
    }

    PathResolver resolver() {
        return resolver;
    }

    JsonTranscoder transcoder() {
        return transcoder;
    }

    LeafRefContext leafRefs() {
        LeafRefContext result = leafRefs;
        if (result == null) {
            synchronized (this) {
                result = leafRefs;
                if (result == null) {
                    result = LeafRefContext.create(context);
                    leafRefs = result;
                }
            }
        }
        return result;
    }

    LeafRefChecker leafRefChecker() {
        LeafRefChecker result = leafRefChecker;
        if (result == null) {
            result = new LeafRefChecker(leafRefs(), resolver);
            leafRefChecker = result;
        }
        return result;
    }

    private static List<ModuleInfo> describe(EffectiveModelContext context) {
        List<ModuleInfo> out = new ArrayList<>();
        for (Module module : context.getModules()) {
            out.add(new ModuleInfo(
                    module.getName(),
                    module.getRevision().map(Revision::toString),
                    module.getNamespace().toString(),
                    module.getPrefix(),
                    module.getOrganization(),
                    openconfigVersion(module)));
        }
        out.sort(Comparator.comparing(ModuleInfo::name).thenComparing(m -> m.revision().orElse("")));
        return List.copyOf(out);
    }

    private static Optional<String> openconfigVersion(Module module) {
        // The effective model drops the extension; the declared model keeps it.
        DeclaredStatement<?> declared = module.asEffectiveStatement().getDeclared();
        if (declared == null) {
            return Optional.empty();
        }
        for (DeclaredStatement<?> stmt : declared.declaredSubstatements()) {
            if ("openconfig-version".equals(stmt.statementDefinition().getStatementName().getLocalName())
                    && stmt.argument() != null) {
                return Optional.of(stmt.argument().toString());
            }
        }
        return Optional.empty();
    }
}
