package org.formularium.submission;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a ZIP archive before it is accepted, without ever unpacking it to disk or holding its content: the
 * entry count is read from the central directory (what unpacking tools use) before anything is inflated, every
 * entry is then inflated as a stream and counted, and the check stops at the first byte over the total limit — a
 * zip bomb (also one whose directory entries overlap) costs at most {@code maxUncompressedBytes} of reading.
 * Entry names that would leave the target folder when unpacked (zip slip: {@code ../}, absolute paths, drive
 * letters, backslashes, control characters) are refused, and archives inside archives only to
 * {@code maxNesting} levels (inner archives are read as streams with the same counters).
 */
final class ZipInspector {

    /** Why an archive was refused. */
    enum Problem { TOO_MANY_ENTRIES, TOO_LARGE_UNCOMPRESSED, UNSAFE_NAME, NESTED_TOO_DEEP, UNREADABLE }

    static final class ZipRejected extends Exception {
        final Problem problem;

        ZipRejected(Problem problem, String detail) {
            super(problem + ": " + detail);
            this.problem = problem;
        }
    }

    /** The limits; {@code maxNesting} 0 allows no archive inside the archive. */
    record Limits(int maxEntries, long maxUncompressedBytes, int maxNesting) {
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};

    private final Limits limits;
    private long entries;
    private long inflated;

    private ZipInspector(Limits limits) {
        this.limits = limits;
    }

    static void inspect(byte[] archive, Limits limits) throws ZipRejected {
        new ZipInspector(limits).inspectTop(archive);
    }

    private void inspectTop(byte[] archive) throws ZipRejected {
        Path temp = null;
        try {
            // ZipFile reads the central directory; it needs a file (a private temp file, deleted at once)
            temp = Files.createTempFile("formularium-upload-", ".zip");
            Files.write(temp, archive);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                if (zip.size() > limits.maxEntries()) {
                    throw new ZipRejected(Problem.TOO_MANY_ENTRIES, zip.size() + " entries");
                }
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    try (InputStream in = zip.getInputStream(entry)) {
                        entry(entry, in, 0);
                    }
                }
            }
        } catch (ZipException e) {
            throw new ZipRejected(Problem.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            if (e.getCause() instanceof ZipRejected rejected) {
                throw rejected;
            }
            throw new ZipRejected(Problem.UNREADABLE, String.valueOf(e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException("temporary upload file could not be deleted", e);
                }
            }
        }
    }

    private void entry(ZipEntry entry, InputStream content, int depth) throws ZipRejected, IOException {
        if (++entries > limits.maxEntries()) {
            throw new ZipRejected(Problem.TOO_MANY_ENTRIES, "more than " + limits.maxEntries() + " entries");
        }
        if (unsafe(entry.getName())) {
            throw new ZipRejected(Problem.UNSAFE_NAME, "entry name not allowed");
        }
        if (entry.isDirectory()) {
            return;
        }
        BufferedInputStream in = new BufferedInputStream(new Counting(content), 8192);
        in.mark(LOCAL_HEADER.length);
        byte[] head = in.readNBytes(LOCAL_HEADER.length);
        in.reset();
        if (java.util.Arrays.equals(head, LOCAL_HEADER)) {
            if (depth + 1 > limits.maxNesting()) {
                throw new ZipRejected(Problem.NESTED_TOO_DEEP, "archive inside an archive");
            }
            ZipInputStream inner = new ZipInputStream(in);
            ZipEntry innerEntry;
            while ((innerEntry = inner.getNextEntry()) != null) {
                entry(innerEntry, inner, depth + 1);
            }
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    static boolean unsafe(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || DRIVE.matcher(name).matches()) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return true;
            }
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Counts the inflated bytes of every entry, at every level, and stops at the limit. */
    private final class Counting extends FilterInputStream {

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the entry stream is closed by its owner
        }

        private void count(int n) throws IOException {
            inflated += n;
            if (inflated > limits.maxUncompressedBytes()) {
                throw new IOException(new ZipRejected(Problem.TOO_LARGE_UNCOMPRESSED,
                        "more than " + limits.maxUncompressedBytes() + " bytes uncompressed"));
            }
        }
    }
}
