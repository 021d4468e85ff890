package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.security.Role;
import org.formularium.shared.branding.BrandingPack;
import org.formularium.shared.branding.BrandingService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Administration: branding packs — preview, choose the active one, and a pack per form. */
@Route(value = "admin/branding", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class BrandingView extends ViewSupport {

    private final transient BrandingService branding;
    private final transient AuthenticationContext authentication;
    private final List<FormSummary> forms;

    final Paragraph activeInfo = new Paragraph();
    final Select<String> pack = new Select<>();
    final Section preview = new Section();
    final Button makeActive = new Button();
    final Button reset = new Button();
    final Select<FormSummary> form = new Select<>();
    final Select<String> formPack = new Select<>();
    final Button saveOverride = new Button();
    final Grid<Map.Entry<String, String>> overrides = new Grid<>();
    final Paragraph status = new Paragraph();

    public BrandingView(BrandingService branding, FormService formService, AuthenticationContext authentication) {
        this.branding = branding;
        this.authentication = authentication;
        this.forms = formService.allForms();
        add(heading(), new Paragraph(getTranslation("admin.branding.intro")));
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");

        H2 packsHeading = new H2(getTranslation("admin.branding.packs"));
        List<String> available = branding.available();
        pack.setLabel(getTranslation("admin.branding.pack"));
        pack.setItems(available);
        pack.addValueChangeListener(e -> showPreview(e.getValue()));
        makeActive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        makeActive.addClickListener(e -> chooseActive());
        reset.setText(getTranslation("admin.branding.reset"));
        reset.addClickListener(e -> resetActive());
        HorizontalLayout packRow = new HorizontalLayout(pack, makeActive, reset);
        packRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        preview.addClassName("branding-preview");
        preview.getElement().setAttribute("aria-labelledby", "branding-preview-heading");

        H2 formHeading = new H2(getTranslation("admin.branding.forms"));
        formHeading.setId("branding-forms-heading");
        form.setLabel(getTranslation("admin.branding.form"));
        form.setItems(forms);
        form.setItemLabelGenerator(this::formLabel);
        form.addValueChangeListener(e -> formPack.setValue(
                e.getValue() == null ? null : branding.formOverride(e.getValue().key()).orElse(null)));
        formPack.setLabel(getTranslation("admin.branding.form.pack"));
        formPack.setItems(available);
        formPack.setEmptySelectionAllowed(true);
        formPack.setEmptySelectionCaption(getTranslation("admin.branding.form.default"));
        saveOverride.setText(getTranslation("admin.branding.form.save"));
        saveOverride.addClickListener(e -> saveOverride());
        HorizontalLayout formRow = new HorizontalLayout(form, formPack, saveOverride);
        formRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        overrides.addColumn(e -> formTitle(e.getKey())).setHeader(getTranslation("admin.branding.form")).setFlexGrow(2);
        overrides.addColumn(Map.Entry::getValue).setHeader(getTranslation("admin.branding.pack")).setKey("pack");
        overrides.addComponentColumn(e -> {
            Button remove = new Button(getTranslation("admin.branding.form.remove"), click -> removeOverride(e.getKey()));
            remove.getElement().setAttribute("aria-label",
                    getTranslation("admin.branding.form.remove.named", formTitle(e.getKey())));
            return remove;
        }).setHeader(getTranslation("admin.webhooks.actions")).setKey("action");
        overrides.setAllRowsVisible(true);
        overrides.getElement().setAttribute("aria-labelledby", "branding-forms-heading");
        overrides.setEmptyStateText(getTranslation("admin.branding.form.none"));

        add(packsHeading, activeInfo, packRow, preview, status, formHeading,
                new Paragraph(getTranslation("admin.branding.forms.intro")), formRow, overrides);
        pack.setValue(branding.activeName());
        refresh();
    }

    private String formLabel(FormSummary f) {
        String title = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage()) && f.titleEn() != null
                ? f.titleEn() : f.title();
        return (title == null || title.isBlank() ? f.key() : title) + " (" + f.key() + ")";
    }

    private String formTitle(String key) {
        return forms.stream().filter(f -> f.key().equals(key)).findFirst().map(this::formLabel).orElse(key);
    }

    void showPreview(String name) {
        preview.removeAll();
        if (name == null) {
            return;
        }
        makeActive.setText(getTranslation("admin.branding.activate"));
        makeActive.getElement().setAttribute("aria-label", getTranslation("admin.branding.activate.named", name));
        H3 title = new H3(getTranslation("admin.branding.preview", name));
        title.setId("branding-preview-heading");
        preview.add(title);
        BrandingPack p;
        try {
            p = branding.pack(name);
        } catch (RuntimeException e) {
            preview.add(new Paragraph(getTranslation("admin.branding.unreadable", name)));
            makeActive.setEnabled(false);
            return;
        }
        makeActive.setEnabled(true);
        Locale locale = getLocale();
        DescriptionList facts = new DescriptionList();
        facts.addClassName("branding-facts");
        fact(facts, "admin.branding.organisation", new Span(p.organisation(locale)));
        if (p.logoSvg() != null) {
            byte[] logo = p.logoSvg();
            Image image = new Image(new StreamResource(name + "-logo.svg", () -> new ByteArrayInputStream(logo)),
                    p.logoAlt(locale).isBlank() ? getTranslation("admin.branding.logo.alt", name) : p.logoAlt(locale));
            image.addClassName("branding-preview-logo");
            fact(facts, "admin.branding.logo", image);
        } else {
            fact(facts, "admin.branding.logo", new Span(getTranslation("admin.branding.logo.none")));
        }
        UnorderedList colours = new UnorderedList();
        colours.addClassName("branding-swatches");
        p.colors().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(c -> {
            Span swatch = new Span();
            swatch.addClassName("branding-swatch");
            swatch.getStyle().set("background", c.getValue()); // validated by BrandingService: plain CSS value
            swatch.getElement().setAttribute("aria-hidden", "true");
            colours.add(new ListItem(swatch, new Span(c.getKey() + ": " + c.getValue())));
        });
        fact(facts, "admin.branding.colours", colours);
        UnorderedList links = new UnorderedList();
        link(links, "admin.branding.link.imprint", p.links().imprint());
        link(links, "admin.branding.link.privacy", p.links().privacy());
        link(links, "admin.branding.link.contact", p.links().contact());
        link(links, "admin.branding.link.accessibility", p.links().accessibility());
        fact(facts, "admin.branding.links", links);
        fact(facts, "admin.branding.pdfHeader", new Span(orDash(p.pdfHeader(locale))));
        fact(facts, "admin.branding.pdfFooter", new Span(orDash(p.pdfFooter(locale))));
        preview.add(facts);
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    private void link(UnorderedList list, String key, String href) {
        if (href != null && !href.isBlank()) {
            Anchor anchor = new Anchor(href, getTranslation(key) + ": " + href);
            anchor.setTarget("_blank");
            anchor.getElement().setAttribute("rel", "noopener noreferrer");
            list.add(new ListItem(anchor));
        }
    }

    private void fact(DescriptionList list, String key, com.vaadin.flow.component.Component value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    void chooseActive() {
        String name = pack.getValue();
        if (name == null) {
            return;
        }
        try {
            branding.chooseActive(name, user());
            status.setText(getTranslation("admin.branding.activated", name));
        } catch (RuntimeException e) {
            status.setText(getTranslation("admin.branding.unreadable", name));
        }
        refresh();
    }

    void resetActive() {
        branding.chooseActive(null, user());
        status.setText(getTranslation("admin.branding.resetDone", branding.configuredName()));
        refresh();
    }

    void saveOverride() {
        FormSummary chosen = form.getValue();
        if (chosen == null) {
            form.setInvalid(true);
            form.setErrorMessage(getTranslation("admin.webhooks.form.required"));
            return;
        }
        form.setInvalid(false);
        String name = formPack.getValue();
        try {
            branding.chooseForForm(chosen.key(), name, user());
            status.setText(name == null ? getTranslation("admin.branding.form.removed", formLabel(chosen))
                    : getTranslation("admin.branding.form.saved", formLabel(chosen), name));
        } catch (RuntimeException e) {
            status.setText(getTranslation("admin.branding.unreadable", name));
        }
        refresh();
    }

    void removeOverride(String formKey) {
        branding.chooseForForm(formKey, null, user());
        status.setText(getTranslation("admin.branding.form.removed", formTitle(formKey)));
        if (form.getValue() != null && form.getValue().key().equals(formKey)) {
            formPack.clear();
        }
        refresh();
    }

    void refresh() {
        activeInfo.setText(branding.storedActive().isPresent()
                ? getTranslation("admin.branding.active.stored", branding.activeName())
                : getTranslation("admin.branding.active.configured", branding.activeName()));
        reset.setEnabled(branding.storedActive().isPresent());
        overrides.setItems(List.copyOf(branding.formOverrides().entrySet()));
    }

    private String user() {
        return authentication.getPrincipalName().orElse("admin");
    }

    @Override
    protected String titleKey() {
        return "admin.branding.title";
    }
}
