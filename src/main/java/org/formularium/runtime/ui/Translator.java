package org.formularium.runtime.ui;

/** Looks up texts of the i18n bundles in one language (a component, or a {@link RenderContext}). */
@FunctionalInterface
public interface Translator {
    String getTranslation(String key, Object... params);
}
