package org.formularium.shared.branding;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads branding packs at run time: first from the configured folder ({@code themes/} by default), then
 * from the copy packed into the application ({@code classpath:branding/}). No frontend build is needed to
 * change a pack.
 */
@Service
public class BrandingService {

    private static final Pattern PACK_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("--lumo-[a-z0-9-]{1,60}");
    private static final Pattern CSS_VALUE = Pattern.compile("[#a-zA-Z0-9 .,%()-]{1,80}");

    private final ObjectMapper json;
    private final Path directory;
    private final String activePack;
    private final Map<String, BrandingPack> cache = new ConcurrentHashMap<>();
    private final BrandingSettingsRepository settings;
    private final Clock clock;
    /** Null without stored choices (tools and tests). */
    private final AuditService audit;

    /** Without stored choices: always the configured pack (tools and tests). */
    public BrandingService(ObjectMapper json, String directory, String activePack) {
        this(json, directory, activePack, null, Clock.systemUTC(), null);
    }

    @Autowired
    BrandingService(ObjectMapper json,
                    @Value("${formularium.branding.directory:themes}") String directory,
                    @Value("${formularium.branding.pack:voerde}") String activePack,
                    BrandingSettingsRepository settings, Clock clock, AuditService audit) {
        this.audit = audit;
        this.json = json;
        this.directory = Path.of(directory);
        this.activePack = activePack;
        this.settings = settings;
        this.clock = clock;
    }

    /** The pack an admin chose (stored), else the one configured by {@code formularium.branding.pack}. */
    public BrandingPack active() {
        return pack(activeName());
    }

    /** Name of the active pack: the stored choice if it can still be read, else the configured one. */
    public String activeName() {
        return storedActive().filter(this::readable).orElse(activePack);
    }

    /** The pack configured by {@code formularium.branding.pack} (used when nothing is stored). */
    public String configuredName() {
        return activePack;
    }

    /** The admin's stored choice of the active pack, if any. */
    public Optional<String> storedActive() {
        return settings == null ? Optional.empty() : settings.get(BrandingSettingsRepository.ACTIVE);
    }

    /** The pack for one form: its override if one is stored and readable, else {@link #active()}. */
    public BrandingPack forForm(String formKey) {
        return formOverride(formKey).filter(this::readable).map(this::pack).orElseGet(this::active);
    }

    /** The stored override of one form, if any. */
    public Optional<String> formOverride(String formKey) {
        return settings == null || formKey == null ? Optional.empty()
                : settings.get(BrandingSettingsRepository.FORM_PREFIX + formKey);
    }

    /** Every stored form override: form key to pack name. */
    public Map<String, String> formOverrides() {
        return settings == null ? Map.of() : settings.withPrefix(BrandingSettingsRepository.FORM_PREFIX);
    }

    /** Stores the active pack; {@code null} returns to the configured one. */
    public void chooseActive(String name, String user) {
        store(BrandingSettingsRepository.ACTIVE, name, user);
    }

    /** Stores a form's pack; {@code null} removes the override. */
    public void chooseForForm(String formKey, String name, String user) {
        if (formKey == null || formKey.isBlank()) {
            throw new IllegalArgumentException("A form key is required");
        }
        store(BrandingSettingsRepository.FORM_PREFIX + formKey, name, user);
    }

    private void store(String key, String name, String user) {
        if (settings == null) {
            throw new IllegalStateException("No settings store");
        }
        if (name == null) {
            settings.remove(key);
        } else {
            pack(name); // validates the name and that the pack can be read
            settings.put(key, name, user, OffsetDateTime.now(clock));
        }
        if (audit != null) {
            audit.record(AuditAction.CHANGE, AuditTarget.BRANDING, key, Map.of("pack", name == null ? "" : name));
        }
    }

    private boolean readable(String name) {
        try {
            pack(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Names of the packs in the branding folder (and the packed-in default). */
    public List<String> available() {
        Stream<String> fromFolder = Stream.empty();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> dirs = Files.list(directory)) {
                fromFolder = dirs.filter(d -> Files.isRegularFile(d.resolve("theme.json")))
                        .map(d -> d.getFileName().toString()).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Stream<String> packedIn;
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:branding/*/theme.json");
            List<String> names = new java.util.ArrayList<>();
            for (Resource r : found) {
                String url = r.getURL().toString();
                String[] parts = url.split("/");
                if (parts.length >= 2) {
                    names.add(parts[parts.length - 2]);
                }
            }
            packedIn = names.stream();
        } catch (IOException e) {
            packedIn = Stream.empty();
        }
        return Stream.of(fromFolder, packedIn, Stream.of(activePack)).flatMap(s -> s)
                .filter(n -> PACK_NAME.matcher(n).matches()).distinct().sorted().toList();
    }

    public BrandingPack pack(String name) {
        if (name == null || !PACK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid branding pack name: " + name);
        }
        return cache.computeIfAbsent(name, this::load);
    }

    private BrandingPack load(String name) {
        try {
            JsonNode root = json.readTree(read(name, "theme.json"));
            Map<String, String> colors = new LinkedHashMap<>();
            root.path("colors").fields().forEachRemaining(e -> {
                String value = e.getValue().asText();
                if (!CUSTOM_PROPERTY.matcher(e.getKey()).matches() || !CSS_VALUE.matcher(value).matches()) {
                    throw new IllegalStateException("Branding pack '" + name + "': colour " + e.getKey()
                            + " must be a --lumo-* property with a plain CSS value");
                }
                colors.put(e.getKey(), value);
            });
            String logoFile = root.path("logo").asText("");
            byte[] logo = logoFile.isEmpty() ? null : read(name, logoFile);
            JsonNode links = root.path("links");
            return new BrandingPack(name, texts(root.path("organisation")), Map.copyOf(colors), logo,
                    texts(root.path("logoAlt")),
                    new BrandingPack.Links(links.path("imprint").asText(null), links.path("privacy").asText(null),
                            links.path("contact").asText(null), links.path("accessibility").asText(null)),
                    texts(root.path("pdf").path("header")), texts(root.path("pdf").path("footer")));
        } catch (IOException e) {
            throw new UncheckedIOException("Branding pack '" + name + "' cannot be read", e);
        }
    }

    private byte[] read(String pack, String file) throws IOException {
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IOException("File names in a branding pack must be plain names: " + file);
        }
        Path onDisk = directory.resolve(pack).resolve(file);
        if (Files.isRegularFile(onDisk)) {
            return Files.readAllBytes(onDisk);
        }
        ClassPathResource packed = new ClassPathResource("branding/" + pack + "/" + file);
        if (!packed.exists()) {
            throw new IOException("not found: " + onDisk.toAbsolutePath() + " nor classpath:branding/" + pack + "/" + file);
        }
        try (InputStream in = packed.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isTextual()) {
            texts.put("de", node.asText());
        } else {
            node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        }
        return Map.copyOf(texts);
    }
}
