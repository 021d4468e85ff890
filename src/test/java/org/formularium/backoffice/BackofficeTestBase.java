package org.formularium.backoffice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;
import java.util.UUID;

/** Fixtures for back-office tests: forms with a responsible clerk, submissions, fresh user names. */
public abstract class BackofficeTestBase extends AbstractKaribuTest {

    @Autowired
    protected FormService forms;
    @Autowired
    protected SubmissionService submissions;
    @Autowired
    protected ResponsibilityService responsibilities;
    @Autowired
    protected JdbcTemplate jdbc;

    /** A user name no other test uses. */
    protected static String user(String prefix) {
        return TestData.uniqueKey(prefix);
    }

    /** A published contact form (name indexed, e-mail for the confirmation) with the given clerks responsible. */
    protected String contactFormFor(String... clerks) {
        String key = TestData.uniqueKey("kontakt");
        forms.create(TestData.contactForm(key, false), "test", true);
        for (String clerk : clerks) {
            responsibilities.assignUser(key, clerk, "test");
        }
        return key;
    }

    protected SubmissionReceipt submit(String formKey, String name) {
        return submit(formKey, name, "buerger@example.org");
    }

    protected SubmissionReceipt submit(String formKey, String name, String email) {
        ObjectNode data = DefinitionJson.mapper().createObjectNode().put("name", name);
        if (email != null) {
            data.put("email", email);
        }
        return submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN, "test-" + UUID.randomUUID(),
                Channel.RUNTIME, null, null));
    }

    protected int lockOf(String reference) {
        return jdbc.queryForObject("select lock_version from submission where reference = ?", Integer.class, reference);
    }
}
