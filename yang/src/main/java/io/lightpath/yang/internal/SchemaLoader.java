package io.lightpath.yang.internal;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceRepresentation;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds yangtools {@link EffectiveModelContext}s from YANG text. Parsing takes seconds: callers cache. */
public final class SchemaLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLoader.class);

    /** Classpath folder of the bundled modules. */
    public static final String BUNDLED_FOLDER = "yang/";

    /**
     * The bundled modules. Listed rather than scanned because a folder inside a jar cannot be
     * listed portably.
     */
    public static final List<String> BUNDLED_FILES = List.of(
            "openconfig-extensions.yang",
            "openconfig-types.yang",
            "openconfig-platform-types.yang",
            "openconfig-transport-types.yang",
            "openconfig-platform.yang",
            "openconfig-transport-line-common.yang",
            "openconfig-terminal-device.yang",
            "openconfig-wavelength-router.yang",
            "lightpath-optical-switch.yang");

    private SchemaLoader() {
    }

    /** Parses the modules bundled in this jar under {@code yang/}. */
    public static EffectiveModelContext loadBundled() {
        List<SourceRepresentation> sources = new ArrayList<>();
        ClassLoader cl = SchemaLoader.class.getClassLoader();
        for (String file : BUNDLED_FILES) {
            URL url = cl.getResource(BUNDLED_FOLDER + file);
            if (url == null) {
                throw new IllegalStateException("bundled YANG module missing from the classpath: " + BUNDLED_FOLDER + file);
            }
            sources.add(new URLYangTextSource(url));
        }
        return build(sources, "bundled modules");
    }

    /** Parses every {@code *.yang} file in {@code dir} and its subdirectories. */
    public static EffectiveModelContext loadDirectory(Path dir) {
        List<SourceRepresentation> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".yang"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(p -> sources.add(new FileYangTextSource(p)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list YANG modules in " + dir + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no *.yang files in " + dir);
        }
        return build(sources, dir.toString());
    }

    /** The messages of an exception and its causes: the parser's own message is often generic. */
    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    private static EffectiveModelContext build(List<SourceRepresentation> sources, String what) {
        YangParserFactory factory = ServiceLoader.load(YangParserFactory.class, SchemaLoader.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no YangParserFactory on the classpath (yang-parser-impl missing?)"));
        long start = System.nanoTime();
        try {
            YangParser parser = factory.createParser();
            parser.addSources(sources);
            EffectiveModelContext ctx = parser.buildEffectiveModel();
            LOG.info("Loaded {} YANG modules from {} in {} ms", ctx.getModules().size(), what,
                    (System.nanoTime() - start) / 1_000_000);
            return ctx;
        } catch (IOException | YangParserException e) {
            throw new IllegalArgumentException("cannot build YANG schema from " + what + ": " + causes(e), e);
        }
    }
}
