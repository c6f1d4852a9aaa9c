package org.openhqd.platform.drg;

/**
 * A row an import refused for its structure (no case id, unknown institution, a case id twice,
 * wrong number of cells, a cell too long). The content of accepted rows is quality control's
 * business, not a rejection. {@code value} is masked where it identifies a person.
 */
public record ImportRejection(long line, String caseId, String field, String value, String reasonZh, String reasonEn) {
}
