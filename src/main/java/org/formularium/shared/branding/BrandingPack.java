package org.formularium.shared.branding;

import java.util.Locale;
import java.util.Map;

/**
 * A branding pack from {@code themes/<name>/theme.json}: who runs this installation and how it looks.
 *
 * @param colors Lumo custom properties (e.g. {@code --lumo-primary-color}) and their values
 * @param logoSvg the logo as SVG bytes, or {@code null}
 */
public record BrandingPack(String name, Map<String, String> organisation, Map<String, String> colors,
                           byte[] logoSvg, Map<String, String> logoAlt, Links links,
                           Map<String, String> pdfHeader, Map<String, String> pdfFooter) {

    /** Links every page shows in its footer. */
    public record Links(String imprint, String privacy, String contact, String accessibility) {
    }

    public String organisation(Locale locale) {
        return text(organisation, locale);
    }

    public String logoAlt(Locale locale) {
        return text(logoAlt, locale);
    }

    public String pdfHeader(Locale locale) {
        return text(pdfHeader, locale);
    }

    public String pdfFooter(Locale locale) {
        return text(pdfFooter, locale);
    }

    static String text(Map<String, String> texts, Locale locale) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String value = texts.get(locale.getLanguage());
        return value != null ? value : texts.getOrDefault("de", texts.values().iterator().next());
    }
}
