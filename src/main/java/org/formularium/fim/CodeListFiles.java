package org.formularium.fim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The genericode files passed with a schema, found by a field's code list reference: by canonical version URI,
 * by canonical URI (and version), by file name (with or without {@code .xml}) or the 2.0 code list id. Files
 * that cannot be read are reported once and otherwise ignored.
 */
final class CodeListFiles {

    private final Map<String, Genericode> files = new LinkedHashMap<>();

    CodeListFiles(Map<String, byte[]> given, Report report) {
        if (given == null) {
            return;
        }
        long total = 0;
        for (Map.Entry<String, byte[]> entry : given.entrySet()) {
            String name = Objects.requireNonNullElse(entry.getKey(), "");
            byte[] bytes = entry.getValue();
            total += bytes == null ? 0 : bytes.length;
            if (total > XDatenfelderImporter.MAX_CODE_LIST_BYTES) {
                report.warning("", "Codeliste „" + name + "“ nicht gelesen: zusammen sind die Codelisten größer als "
                        + XDatenfelderImporter.MAX_CODE_LIST_BYTES + " Bytes.");
                continue;
            }
            try {
                files.put(name, Genericode.read(bytes, name));
            } catch (FimImportException e) {
                report.warning("", "Codeliste „" + name + "“ nicht gelesen (" + e.code() + "): " + e.getMessage());
            }
        }
    }

    /** The file for a reference; the boolean part tells whether only a different version was found. */
    Optional<Match> find(Xdf.CodeListRef ref) {
        List<Match> matches = new ArrayList<>();
        for (Map.Entry<String, Genericode> entry : files.entrySet()) {
            String name = entry.getKey();
            String bare = name.replaceFirst("(?i)\\.(xml|gc)$", "");
            Genericode list = entry.getValue();
            if (ref.canonicalVersionUri() != null && (ref.canonicalVersionUri().equals(list.canonicalVersionUri())
                    || ref.canonicalVersionUri().equals(name) || ref.canonicalVersionUri().equals(bare))) {
                matches.add(new Match(name, list, 0));
            } else if (ref.canonicalIdentification() != null && (ref.canonicalIdentification().equals(
                    list.canonicalUri()) || ref.canonicalIdentification().equals(name)
                    || ref.canonicalIdentification().equals(bare))) {
                boolean sameVersion = ref.version() == null || list.version() == null
                        || ref.version().equals(list.version());
                matches.add(new Match(name, list, sameVersion ? 1 : 3));
            } else if (ref.id() != null && (ref.id().equals(name) || ref.id().equals(bare))) {
                matches.add(new Match(name, list, 2));
            }
        }
        return matches.stream().min((a, b) -> Integer.compare(a.rank, b.rank));
    }

    /** A found file; {@code rank} 3 means another version of the list. */
    record Match(String fileName, Genericode list, int rank) {

        boolean otherVersion() {
            return rank == 3;
        }
    }
}
