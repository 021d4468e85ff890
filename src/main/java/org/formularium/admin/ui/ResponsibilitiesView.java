package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.backoffice.ClerkGroupSummary;
import org.formularium.backoffice.FormResponsibility;
import org.formularium.backoffice.ResponsibilityService;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.security.Role;
import org.formularium.security.UserAccount;
import org.formularium.security.UserService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which clerks and clerk groups handle which forms, and who belongs to which group. */
@Route(value = "admin/responsibilities", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class ResponsibilitiesView extends ViewSupport {

    private final transient ResponsibilityService responsibilities;
    private final transient FormService forms;
    private final transient UserService users;
    private final String me;
    final Grid<FormSummary> formGrid = new Grid<>();
    final Grid<ClerkGroupSummary> groupGrid = new Grid<>();
    final TextField newGroup = new TextField();
    final Button createGroup = new Button();
    Dialog dialog;
    private Map<String, FormResponsibility> assignments = Map.of();
    private Map<Long, ClerkGroupSummary> groups = Map.of();

    public ResponsibilitiesView(ResponsibilityService responsibilities, FormService forms, UserService users,
                                AuthenticationContext authentication) {
        this.responsibilities = responsibilities;
        this.forms = forms;
        this.users = users;
        this.me = authentication.getPrincipalName().orElse("admin");
        add(new Anchor("admin", getTranslation("admin.back")), heading(),
                new Paragraph(getTranslation("admin.responsibilities.intro")));

        H2 formsHeading = new H2(getTranslation("admin.responsibilities.forms"));
        formsHeading.setId("responsibility-forms-heading");
        formGrid.addColumn(f -> f.title() + " (" + f.key() + ")").setHeader(getTranslation("admin.responsibilities.form"))
                .setAutoWidth(true).setFlexGrow(2);
        formGrid.addColumn(f -> list(assignment(f.key()).users()))
                .setHeader(getTranslation("admin.responsibilities.users"));
        formGrid.addColumn(f -> list(assignment(f.key()).groupIds().stream().map(this::groupName).toList()))
                .setHeader(getTranslation("admin.responsibilities.groups"));
        formGrid.addComponentColumn(f -> {
            Button edit = new Button(getTranslation("admin.responsibilities.edit"), e -> openForm(f));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("aria-label", getTranslation("admin.responsibilities.edit.named", f.title()));
            return edit;
        }).setHeader(getTranslation("admin.responsibilities.actions")).setKey("actions");
        formGrid.setAllRowsVisible(true);
        formGrid.getElement().setAttribute("aria-labelledby", "responsibility-forms-heading");

        H2 groupsHeading = new H2(getTranslation("admin.responsibilities.groupsTitle"));
        groupsHeading.setId("clerk-groups-heading");
        groupGrid.addColumn(ClerkGroupSummary::name).setHeader(getTranslation("admin.responsibilities.groupName"))
                .setAutoWidth(true);
        groupGrid.addColumn(g -> list(g.members())).setHeader(getTranslation("admin.responsibilities.members"))
                .setFlexGrow(2);
        groupGrid.addComponentColumn(g -> {
            Button edit = new Button(getTranslation("admin.responsibilities.members.edit"), e -> openGroup(g));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.getElement().setAttribute("aria-label", getTranslation("admin.responsibilities.members.edit.named", g.name()));
            return edit;
        }).setHeader(getTranslation("admin.responsibilities.actions")).setKey("actions");
        groupGrid.setAllRowsVisible(true);
        groupGrid.getElement().setAttribute("aria-labelledby", "clerk-groups-heading");

        newGroup.setLabel(getTranslation("admin.responsibilities.newGroup"));
        newGroup.setMaxLength(100);
        createGroup.setText(getTranslation("admin.responsibilities.createGroup"));
        createGroup.addClickListener(e -> createGroup());
        HorizontalLayout creation = new HorizontalLayout(newGroup, createGroup);
        creation.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        add(formsHeading, formGrid, groupsHeading, creation, groupGrid);
        refresh();
    }

    private FormResponsibility assignment(String formKey) {
        return assignments.getOrDefault(formKey, new FormResponsibility(formKey, List.of(), List.of()));
    }

    private String groupName(long id) {
        ClerkGroupSummary group = groups.get(id);
        return group == null ? "#" + id : group.name();
    }

    private String list(List<String> names) {
        return names.isEmpty() ? "–" : String.join(", ", names);
    }

    void refresh() {
        assignments = responsibilities.responsibilities();
        List<ClerkGroupSummary> all = responsibilities.groups();
        groups = all.stream().collect(Collectors.toMap(ClerkGroupSummary::id, Function.identity()));
        formGrid.setItems(forms.allForms());
        groupGrid.setItems(all);
    }

    /** Enabled clerks and administrators, plus whoever is named already (even without an account). */
    private Set<String> candidates(List<String> alreadyNamed) {
        Set<String> names = new TreeSet<>(alreadyNamed);
        for (UserAccount user : users.list()) {
            if (user.enabled() && (user.hasRole(Role.CLERK) || user.hasRole(Role.ADMIN))) {
                names.add(user.username());
            }
        }
        return names;
    }

    private Dialog dialog(String label) {
        Dialog d = new Dialog();
        d.setHeaderTitle(label);
        d.getElement().setAttribute("aria-label", label);
        dialog = d;
        return d;
    }

    void openForm(FormSummary form) {
        FormResponsibility current = assignment(form.key());
        Dialog d = dialog(getTranslation("admin.responsibilities.edit.named", form.title()));
        MultiSelectComboBox<String> userBox = new MultiSelectComboBox<>(getTranslation("admin.responsibilities.users"));
        userBox.setItems(candidates(current.users()));
        userBox.setValue(new HashSet<>(current.users()));
        MultiSelectComboBox<ClerkGroupSummary> groupBox =
                new MultiSelectComboBox<>(getTranslation("admin.responsibilities.groups"));
        groupBox.setItems(groups.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList());
        groupBox.setItemLabelGenerator(ClerkGroupSummary::name);
        groupBox.setValue(current.groupIds().stream().map(groups::get).filter(g -> g != null).collect(Collectors.toSet()));
        Button save = new Button(getTranslation("admin.responsibilities.save"), e -> {
            Set<String> chosenUsers = userBox.getValue();
            for (String user : current.users()) {
                if (!chosenUsers.contains(user)) {
                    responsibilities.unassignUser(form.key(), user);
                }
            }
            for (String user : chosenUsers) {
                if (!current.users().contains(user)) {
                    responsibilities.assignUser(form.key(), user, me);
                }
            }
            Set<Long> chosenGroups = groupBox.getValue().stream().map(ClerkGroupSummary::id).collect(Collectors.toSet());
            for (Long group : current.groupIds()) {
                if (!chosenGroups.contains(group)) {
                    responsibilities.unassignGroup(form.key(), group);
                }
            }
            for (Long group : chosenGroups) {
                if (!current.groupIds().contains(group)) {
                    responsibilities.assignGroup(form.key(), group, me);
                }
            }
            d.close();
            Notification.show(getTranslation("admin.responsibilities.saved", form.title()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout layout = new FormLayout(userBox, groupBox);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(layout);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    void openGroup(ClerkGroupSummary group) {
        Dialog d = dialog(getTranslation("admin.responsibilities.members.edit.named", group.name()));
        MultiSelectComboBox<String> memberBox = new MultiSelectComboBox<>(getTranslation("admin.responsibilities.members"));
        memberBox.setItems(candidates(group.members()));
        memberBox.setValue(new HashSet<>(group.members()));
        Button save = new Button(getTranslation("admin.responsibilities.save"), e -> {
            Set<String> chosen = memberBox.getValue();
            for (String member : group.members()) {
                if (!chosen.contains(member)) {
                    responsibilities.removeFromGroup(group.id(), member);
                }
            }
            for (String member : chosen) {
                if (!group.members().contains(member)) {
                    responsibilities.addToGroup(group.id(), member);
                }
            }
            d.close();
            Notification.show(getTranslation("admin.responsibilities.groupSaved", group.name()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(memberBox);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    void createGroup() {
        String name = newGroup.getValue().strip();
        if (name.isEmpty()) {
            newGroup.setErrorMessage(getTranslation("admin.responsibilities.error.groupName"));
            newGroup.setInvalid(true);
            return;
        }
        newGroup.setInvalid(false);
        responsibilities.createGroup(name);
        newGroup.clear();
        Notification.show(getTranslation("admin.responsibilities.groupCreated", name));
        refresh();
    }

    @Override
    protected String titleKey() {
        return "admin.responsibilities.title";
    }
}
