package org.formularium.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Pieces the retention and data-subject pages share: a confirmation before deleting, and time stamps. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Opens a dialog named {@code title} explaining {@code text}, with "cancel" and a red button that closes
     * the dialog and runs {@code action}.
     */
    static Dialog open(Component owner, String title, String text, String actionLabel, Runnable action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.getElement().setAttribute("aria-label", title);
        dialog.add(new Paragraph(text));
        Button confirm = new Button(actionLabel, e -> {
            dialog.close();
            action.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(owner.getTranslation("admin.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        return dialog;
    }

    static String dateTime(OffsetDateTime at, Locale locale) {
        return at == null ? "" : at.atZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }
}
