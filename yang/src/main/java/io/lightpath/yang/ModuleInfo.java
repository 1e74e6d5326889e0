package io.lightpath.yang;

import java.util.Objects;
import java.util.Optional;

/**
 * One YANG module of a {@link YangSchema}, as a gNMI {@code CapabilityResponse} advertises it
 * ({@code ModelData} name, organization, version).
 *
 * @param name module name, e.g. {@code openconfig-terminal-device}
 * @param revision revision date {@code YYYY-MM-DD}, or empty if the module has no revision statement
 * @param namespace XML namespace, e.g. {@code http://openconfig.net/yang/terminal-device}
 * @param prefix the module's own prefix, e.g. {@code oc-opt-term}
 * @param organization the organization statement, empty when absent
 * @param version the {@code oc-ext:openconfig-version} semantic version, empty when absent
 */
public record ModuleInfo(
        String name,
        Optional<String> revision,
        String namespace,
        String prefix,
        Optional<String> organization,
        Optional<String> version) {

    public ModuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(version, "version");
    }
}
