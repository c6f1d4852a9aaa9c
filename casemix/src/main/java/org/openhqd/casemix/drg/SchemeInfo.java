package org.openhqd.casemix.drg;

/**
 * What a scheme is, from its {@code scheme.tsv}: the id used on the command line and in stored
 * results, its names, version and source.
 *
 * @param id stable identifier, e.g. {@code chs-drg-1.1}
 * @param name Chinese name
 * @param nameEn English name
 * @param version version label of the scheme's publisher
 * @param region where the scheme applies (全国, 北京, …)
 * @param basedOn the scheme it refines, or empty
 * @param source where the data came from
 */
public record SchemeInfo(String id, String name, String nameEn, String version, String region,
                         String basedOn, String source) {
}
