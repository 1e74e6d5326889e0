package io.lightpath.yang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the upstream OpenConfig models (the project's reference material, never part of the
 * repository): system property {@code lightpath.shared}, else a {@code shared} folder next to
 * the module, the repository, or the repository's parent.
 */
final class SharedModels {
    private SharedModels() {
    }

    static Optional<Path> openconfigDirectory() {
        String property = System.getProperty("lightpath.shared");
        Stream<Path> candidates = property != null && !property.isBlank()
                ? Stream.of(Path.of(property))
                : Stream.of(Path.of("../shared"), Path.of("../../shared"), Path.of("../../../shared"));
        return candidates
                .map(p -> p.resolve("openconfig").toAbsolutePath().normalize())
                .filter(p -> Files.isRegularFile(p.resolve("openconfig-terminal-device.yang")))
                .findFirst();
    }
}
