/**
 * Implementation of the schema layer on OpenDaylight yangtools: schema loading, path resolution,
 * JSON transcoding, extra schema checks, change collection and error rewriting. Not an API.
 */
package io.lightpath.yang.internal;
