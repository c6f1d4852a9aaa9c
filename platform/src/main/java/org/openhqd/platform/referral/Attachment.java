package org.openhqd.platform.referral;

/**
 * A test result, image or document sent with a referral by reference: the document stays in the
 * sender's system or PACS.
 *
 * @param type LAB, IMAGING or DOCUMENT
 * @param reference URL or the source system's document id
 */
public record Attachment(String type, String reference, String description) {
}
