package org.formularium.runtime.ui;

import org.formularium.definition.model.FileElement;
import org.formularium.submission.StoredAttachment;

import java.io.InputStream;

/**
 * Stores an uploaded file for a file element (the runtime: {@code AttachmentService}; the builder preview may
 * pass one that refuses). Throws {@code AttachmentRejectedException} with a message for the citizen.
 */
@FunctionalInterface
public interface FileUploads {
    StoredAttachment upload(FileElement element, String fileName, InputStream content);
}
