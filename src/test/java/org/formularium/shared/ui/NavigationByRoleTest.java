package org.formularium.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.formularium.admin.ui.AdminView;
import org.formularium.backoffice.ui.InboxView;
import org.formularium.builder.ui.BuilderView;
import org.formularium.runtime.ui.CatalogueView;
import org.formularium.security.Role;
import org.formularium.security.ui.LoginView;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class NavigationByRoleTest extends AbstractKaribuTest {

    @ParameterizedTest
    @ValueSource(strings = {"builder", "backoffice", "admin"})
    void anonymous_visitor_of_a_staff_area_lands_on_the_login_page(String route) {
        UI.getCurrent().navigate(route);

        _get(LoginView.class);
        assertThat(_find(BuilderView.class)).isEmpty();
    }

    @Test
    void anonymous_visitor_sees_the_catalogue_at_the_root() {
        UI.getCurrent().navigate("");

        _get(CatalogueView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Formulare");
        assertThat(navigationLabels()).containsExactly("Formulare", "Bearbeitungsstand");
    }

    @Test
    void clerk_cannot_open_the_builder_and_is_told_so() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("builder");

        assertThat(_find(BuilderView.class)).isEmpty();
        _get(AccessDeniedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Kein Zugriff");
    }

    @Test
    void clerk_opens_the_backoffice_and_sees_only_its_areas() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("backoffice");

        _get(InboxView.class);
        assertThat(navigationLabels()).containsExactly("Formulare", "Bearbeitungsstand", "Posteingang");
    }

    @Test
    void designer_opens_the_builder_but_not_the_administration() {
        login("designer", Role.DESIGNER);

        UI.getCurrent().navigate("builder");
        _get(BuilderView.class);
        assertThat(navigationLabels()).containsExactly("Formulare", "Bearbeitungsstand", "Formular-Designer");

        UI.getCurrent().navigate("admin");
        assertThat(_find(AdminView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void admin_opens_the_administration() {
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("admin");

        _get(AdminView.class);
        assertThat(navigationLabels()).contains("Verwaltung");
    }

    @Test
    void page_title_names_the_view_and_the_product() {
        UI.getCurrent().navigate("forms");

        assertThat(_get(CatalogueView.class).getPageTitle()).isEqualTo("Formulare – Formularium");
    }

    private List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
