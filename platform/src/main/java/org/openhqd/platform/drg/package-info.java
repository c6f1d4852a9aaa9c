/**
 * DRG management (DRG 管理): discharges imported from settlement lists (医保结算清单) and record home
 * pages (病案首页), checked by the quality module's rules before grouping, grouped with the casemix
 * engine (results stored with the scheme and its version), weighed and priced, and analysed by
 * institution, department, doctor, DRG and month.
 *
 * <p>The grouping and the QC rules are pure-Java libraries ({@code casemix}, {@code quality}); this
 * module stores their results and serves them. Cases belong to an institution and are read only
 * inside the caller's {@link org.openhqd.platform.security.DataScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "DRG management")
package org.openhqd.platform.drg;
