package org.formularium.submission;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.LocalizedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads: the size is enforced while reading (never more than the limit is held), the type is decided
 * by the file's content (magic bytes), not its name, and must match the type the name declares (a PDF named
 * {@code .jpg} is refused); the file name is only ever data (stored in the database), never a path. ZIP
 * archives (and formats built on ZIP) are checked by {@link ZipInspector} before they are accepted
 * ({@code formularium.uploads.zip.*}). Files are kept with their SHA-256 until a submission binds them.
 */
@Service
public class AttachmentService {

    /** Hard upper bound for any upload, whatever a form says. */
    public static final long ABSOLUTE_MAX_BYTES = (long) FileElement.MAX_MAX_SIZE_KB * 1024;

    private static final MediaType ZIP = MediaType.application("zip");

    private final AttachmentRepository repository;
    private final Clock clock;
    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private final ZipInspector.Limits zipLimits;

    AttachmentService(AttachmentRepository repository, Clock clock,
                      @Value("${formularium.uploads.zip.max-entries:1000}") int zipMaxEntries,
                      @Value("${formularium.uploads.zip.max-uncompressed-bytes:104857600}") long zipMaxUncompressed,
                      @Value("${formularium.uploads.zip.max-nesting:1}") int zipMaxNesting) {
        this.repository = repository;
        this.clock = clock;
        this.zipLimits = new ZipInspector.Limits(zipMaxEntries, zipMaxUncompressed, zipMaxNesting);
    }

    /**
     * Stores an upload for a file element of a form.
     *
     * @throws AttachmentRejectedException when the file is empty, too large or of a type the element does not accept
     */
    @Transactional
    public StoredAttachment upload(String formKey, FileElement element, String fileName, InputStream content) {
        long maxBytes = Math.min((long) element.maxSizeKbOrDefault() * 1024, ABSOLUTE_MAX_BYTES);
        byte[] bytes = readAtMost(content, maxBytes);
        if (bytes.length == 0) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.EMPTY, LocalizedText.of(
                    "Die Datei „" + safeName(fileName) + "“ ist leer. Wählen Sie eine Datei mit Inhalt.",
                    "The file “" + safeName(fileName) + "” is empty. Choose a file with content."));
        }
        if (bytes.length > maxBytes) {
            String limit = humanSize(maxBytes);
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TOO_LARGE, LocalizedText.of(
                    "Die Datei „" + safeName(fileName) + "“ ist zu groß. Sie darf höchstens " + limit + " groß sein.",
                    "The file “" + safeName(fileName) + "” is too large. It must be " + limit + " or smaller."));
        }
        String detected = detect(bytes);
        List<String> accepted = element.acceptOrDefault();
        if (accepted.stream().noneMatch(type -> accepts(type, detected))) {
            String allowed = String.join(", ", accepted.stream().map(AttachmentService::shortType).toList());
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED, LocalizedText.of(
                    "Die Datei „" + safeName(fileName) + "“ hat ein nicht erlaubtes Format. Erlaubt sind: " + allowed + ".",
                    "The file “" + safeName(fileName) + "” is not an allowed format. Allowed: " + allowed + "."));
        }
        if (!declaredTypeMatches(fileName, detected)) {
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_MISMATCH, LocalizedText.of(
                    "Der Inhalt der Datei „" + safeName(fileName) + "“ passt nicht zu ihrer Dateiendung. Wählen Sie die "
                            + "richtige Datei oder speichern Sie sie im richtigen Format.",
                    "The content of the file “" + safeName(fileName) + "” does not match its file extension. Choose "
                            + "the right file or save it in the right format."));
        }
        if (registry.isInstanceOf(MediaType.parse(detected), ZIP)) {
            checkArchive(fileName, bytes);
        }
        StoredAttachment attachment = new StoredAttachment(UUID.randomUUID(), safeName(fileName), bytes.length,
                detected, sha256(bytes));
        repository.insert(attachment, formKey, bytes, OffsetDateTime.now(clock));
        return attachment;
    }

    @Transactional(readOnly = true)
    public Optional<StoredAttachment> find(UUID id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return repository.content(id);
    }

    /** The media type from the content; unknown content is {@code application/octet-stream}. */
    String detect(byte[] bytes) {
        return tika.detect(bytes);
    }

    /** An accepted type ({@code image/png}, {@code image/*}) admits the detected one, or a subtype of it. */
    private boolean accepts(String acceptedType, String detected) {
        if (acceptedType.endsWith("/*")) {
            return detected.startsWith(acceptedType.substring(0, acceptedType.length() - 1));
        }
        MediaType accepted = MediaType.parse(acceptedType);
        return acceptedType.equals(detected)
                || (accepted != null && registry.isInstanceOf(MediaType.parse(detected), accepted));
    }

    /**
     * The type the file name's extension declares must be the detected one, a subtype or a supertype of it (a
     * {@code .csv} is plain text, a {@code .docx} a ZIP); a name without a known extension declares nothing.
     */
    boolean declaredTypeMatches(String fileName, String detected) {
        MediaType declared = MediaType.parse(tika.detect(safeName(fileName)));
        MediaType actual = MediaType.parse(detected);
        if (declared == null || actual == null || declared.equals(MediaType.OCTET_STREAM)) {
            return true;
        }
        return declared.equals(actual) || registry.isInstanceOf(actual, declared)
                || registry.isInstanceOf(declared, actual);
    }

    private void checkArchive(String fileName, byte[] bytes) {
        try {
            ZipInspector.inspect(bytes, zipLimits);
        } catch (ZipInspector.ZipRejected e) {
            String name = safeName(fileName);
            String size = humanSize(zipLimits.maxUncompressedBytes());
            LocalizedText message = switch (e.problem) {
                case TOO_MANY_ENTRIES -> LocalizedText.of(
                        "Das Archiv „" + name + "“ enthält zu viele Dateien (höchstens " + zipLimits.maxEntries() + ").",
                        "The archive “" + name + "” contains too many files (at most " + zipLimits.maxEntries() + ").");
                case TOO_LARGE_UNCOMPRESSED -> LocalizedText.of(
                        "Das Archiv „" + name + "“ ist entpackt zu groß (höchstens " + size + ").",
                        "The archive “" + name + "” is too large when unpacked (at most " + size + ").");
                case NESTED_TOO_DEEP -> LocalizedText.of(
                        "Das Archiv „" + name + "“ enthält zu tief verschachtelte Archive.",
                        "The archive “" + name + "” contains archives nested too deeply.");
                case UNSAFE_NAME -> LocalizedText.of(
                        "Das Archiv „" + name + "“ enthält unzulässige Dateinamen (Pfade außerhalb des Archivs).",
                        "The archive “" + name + "” contains file names that are not allowed (paths outside the archive).");
                case UNREADABLE -> LocalizedText.of(
                        "Das Archiv „" + name + "“ ist beschädigt und kann nicht gelesen werden.",
                        "The archive “" + name + "” is damaged and cannot be read.");
            };
            throw new AttachmentRejectedException(AttachmentRejectedException.Reason.UNSAFE_ARCHIVE, message);
        }
    }

    /** A display name: no path, no control characters, at most 200 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "datei";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) {
        try (in) {
            // read one byte more than allowed to recognise a file that is too large without holding all of it
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("upload could not be read", e);
        }
    }

    private static String shortType(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> mediaType;
        };
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
