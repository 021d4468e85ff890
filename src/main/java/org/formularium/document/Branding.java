package org.formularium.document;

import java.util.Objects;

/**
 * The organisation's look on a receipt.
 *
 * @param logoPng    PNG image shown on the first page, or {@code null} for none
 * @param logoAlt    alternative text of the logo; blank marks the logo as decorative (an artifact)
 * @param headerText second header line on every page, may be empty
 * @param footerText footer line on every page (e.g. address, contact), may be empty
 */
public record Branding(String organisation, byte[] logoPng, String logoAlt, String headerText, String footerText) {

    public Branding {
        Objects.requireNonNull(organisation, "organisation");
        logoPng = logoPng == null ? null : logoPng.clone();
        logoAlt = logoAlt == null ? "" : logoAlt;
        headerText = headerText == null ? "" : headerText;
        footerText = footerText == null ? "" : footerText;
    }

    /** A copy of the logo, or {@code null}. */
    @Override
    public byte[] logoPng() {
        return logoPng == null ? null : logoPng.clone();
    }

    byte[] logoBytes() {
        return logoPng;
    }

    public static Branding of(String organisation, String headerText, String footerText) {
        return new Branding(organisation, null, "", headerText, footerText);
    }
}
