package org.formularium.document;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** veraPDF in tests: validates a PDF against a flavour and explains failures by rule id. */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** {@code null} if compliant, else a readable list of the failed rules. */
    static String failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return null;
            }
            Map<String, String> byRule = new LinkedHashMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() != TestAssertion.Status.FAILED) {
                    continue;
                }
                String rule = assertion.getRuleId().getSpecification() + " " + assertion.getRuleId().getClause()
                        + "-" + assertion.getRuleId().getTestNumber();
                byRule.putIfAbsent(rule, assertion.getMessage() + " @ " + assertion.getLocationContext());
            }
            return flavour + " failed " + byRule.size() + " rule(s):\n" + byRule.entrySet().stream()
                    .map(e -> "  " + e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("\n"));
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF", e);
        }
    }
}
