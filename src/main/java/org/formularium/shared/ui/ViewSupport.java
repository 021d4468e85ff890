package org.formularium.shared.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Base of every view: a real {@code <main id="main-content">} (target of the skip link), one {@code h1}
 * that receives focus after navigation, and a document title "view – organisation".
 */
public abstract class ViewSupport extends Main implements HasDynamicTitle {

    public static final String MAIN_ID = "main-content";

    protected ViewSupport() {
        setId(MAIN_ID);
        getElement().setAttribute("tabindex", "-1");
        addClassName("view");
    }

    /** The translation key of the view's title (heading and document title). */
    protected abstract String titleKey();

    /** A level-1 heading with the view's title, focusable by script only. */
    protected H1 heading() {
        H1 h1 = new H1(getTranslation(titleKey()));
        h1.getElement().setAttribute("tabindex", "-1");
        h1.addClassName("view-heading");
        return h1;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey()) + " – " + getTranslation("app.name");
    }
}
