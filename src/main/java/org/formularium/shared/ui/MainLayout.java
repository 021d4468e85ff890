package org.formularium.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.formularium.security.Role;
import org.formularium.shared.branding.BrandingPack;
import org.formularium.shared.branding.BrandingService;

import java.io.ByteArrayInputStream;
import java.util.Locale;

/**
 * The frame of every page: skip link, branding, navigation by role, language switch, login/logout,
 * footer links of the organisation. Moves focus to the new view's heading after each navigation (not on
 * the first load) so screen reader users hear where they are.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext authentication;
    private final Div account = new Div();
    private final Nav nav = new Nav();
    private boolean firstNavigation = true;

    public MainLayout(BrandingService branding, AuthenticationContext authentication) {
        this.authentication = authentication;
        Locale locale = getLocale();
        BrandingPack pack = branding.active();
        pack.colors().forEach((property, value) -> UI.getCurrent().getElement().getStyle().set(property, value));

        Anchor skipLink = new Anchor("#" + ViewSupport.MAIN_ID, getTranslation("layout.skip"));
        skipLink.addClassName("skip-link");
        skipLink.getElement().setAttribute("router-ignore", true);
        // handled in the browser: Vaadin's <base href> would otherwise turn "#main-content" into a navigation
        skipLink.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const m = document.getElementById($0); if (m) { m.focus(); } })", ViewSupport.MAIN_ID);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        toggle.setTooltipText(getTranslation("layout.menu"));

        Anchor home = new Anchor("forms");
        home.addClassName("brand");
        if (pack.logoSvg() != null) {
            byte[] logo = pack.logoSvg();
            Image image = new Image(new StreamResource("logo.svg", () -> new ByteArrayInputStream(logo)), "");
            image.addClassName("brand-logo");
            home.add(image);
        }
        Span name = new Span(pack.organisation(locale));
        name.addClassName("brand-name");
        home.add(name);
        home.getElement().setAttribute("aria-label", getTranslation("layout.home", pack.organisation(locale)));

        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(skipLink, toggle, home, spacer, new LanguageSwitch(locale), account);

        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        addToDrawer(nav, footer(pack));
        refreshForUser();
        setPrimarySection(Section.NAVBAR);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.forms"), "forms"));
        nav.addItem(new SideNavItem(getTranslation("nav.status"), "status"));
        if (authentication.hasRole(Role.DESIGNER_NAME)) {
            nav.addItem(new SideNavItem(getTranslation("nav.builder"), "builder"));
        }
        if (authentication.hasRole(Role.CLERK_NAME) || authentication.hasRole(Role.ADMIN_NAME)) {
            nav.addItem(new SideNavItem(getTranslation("nav.backoffice"), "backoffice"));
        }
        if (authentication.hasRole(Role.ADMIN_NAME)) {
            // flat items: a nested SideNavItem's toggle button refers to an element id that does not exist
            // (axe: aria-valid-attr-value); the admin page links to every administration page
            nav.addItem(new SideNavItem(getTranslation("nav.admin"), "admin"));
            nav.addItem(new SideNavItem(getTranslation("nav.admin.webhooks"), "admin/webhooks"));
            nav.addItem(new SideNavItem(getTranslation("nav.admin.branding"), "admin/branding"));
            nav.addItem(new SideNavItem(getTranslation("nav.admin.audit"), "admin/audit"));
        }
        return nav;
    }

    private com.vaadin.flow.component.Component accountControl() {
        if (authentication.isAuthenticated()) {
            String user = authentication.getPrincipalName().orElse("");
            Button logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.getElement().setAttribute("aria-label", getTranslation("layout.logout.named", user));
            return logout;
        }
        Anchor login = new Anchor("login", getTranslation("layout.login"));
        login.addClassName("login-link");
        return login;
    }

    private Footer footer(BrandingPack pack) {
        UnorderedList links = new UnorderedList();
        addLink(links, pack.links().imprint(), "footer.imprint");
        addLink(links, pack.links().privacy(), "footer.privacy");
        addLink(links, pack.links().accessibility(), "footer.accessibility");
        addLink(links, pack.links().contact(), "footer.contact");
        Footer footer = new Footer(links);
        footer.addClassName("site-footer");
        return footer;
    }

    private void addLink(UnorderedList list, String href, String key) {
        if (href != null && !href.isBlank()) {
            Anchor anchor = new Anchor(href, getTranslation(key));
            anchor.getElement().setAttribute("router-ignore", true);
            list.add(new ListItem(anchor));
        }
    }

    /** Navigation and the account control follow the signed-in user (they change without a page reload). */
    private void refreshForUser() {
        nav.removeAll();
        nav.add(navigation());
        account.removeAll();
        account.add(accountControl());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshForUser();
        if (firstNavigation) {
            firstNavigation = false;
            return;
        }
        UI.getCurrent().getPage().executeJs(
                "const h=document.querySelector('main h1'); if(h){h.setAttribute('tabindex','-1'); h.focus();}");
    }
}
