package org.formularium.shared.crypto;

import java.util.List;

/** A bytea column that holds envelope-encrypted blobs (see changelog 0030). */
public record EncryptedColumn(String table, String column) {

    /** Every encrypted column of the schema: the rewrap job and the key counts walk these. */
    public static final List<EncryptedColumn> ALL = List.of(
            new EncryptedColumn("submission", "data_encrypted"),
            new EncryptedColumn("draft", "data_encrypted"),
            new EncryptedColumn("attachment", "content_encrypted"),
            new EncryptedColumn("attachment", "file_name_encrypted"),
            new EncryptedColumn("submission_document", "content_encrypted"),
            new EncryptedColumn("submission_note", "text_encrypted"),
            new EncryptedColumn("submission_event", "comment_encrypted"),
            new EncryptedColumn("submission_event", "public_comment_encrypted"),
            new EncryptedColumn("outbox", "payload_encrypted"));

    public String qualified() {
        return table + "." + column;
    }
}
