package org.formularium.definition.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a form (format v1, see {@code spec/definition-format.md}). Immutable; absent optional
 * properties are {@code null} so they stay absent when written back.
 */
public record FormDefinition(
        int schemaVersion,
        String key,
        List<String> languages,
        LocalizedText title,
        LocalizedText description,
        LocalizedText topic,
        List<Page> pages,
        List<Rule> rules,
        Map<String, List<Option>> codeLists,
        Privacy privacy,
        Confirmation confirmation,
        Map<String, String> metadata) {

    /** The only format version this code reads. */
    public static final int SCHEMA_VERSION = 1;

    public FormDefinition {
        languages = Lists.copy(languages);
        pages = Lists.copy(pages);
        rules = Lists.copy(rules);
        codeLists = Lists.copy(codeLists);
        metadata = Lists.copy(metadata);
    }

    /** The rules, empty when absent. */
    public List<Rule> rulesOrEmpty() {
        return rules == null ? List.of() : rules;
    }

    /** The options of a code list, empty when unknown. */
    public List<Option> codeList(String listKey) {
        if (codeLists == null || listKey == null) {
            return List.of();
        }
        return codeLists.getOrDefault(listKey, List.of());
    }

    /** The options of a choice: inline or from its code list. */
    public List<Option> optionsOf(ChoiceElement choice) {
        return choice.options() != null ? choice.options() : codeList(choice.codeList());
    }

    /** The page with this key. */
    public Optional<Page> page(String pageKey) {
        return pages.stream().filter(p -> p.key().equals(pageKey)).findFirst();
    }

    /** Every element at form scope in document order (descends into sections, not into groups). */
    public List<Element> formScopeElements() {
        List<Element> result = new ArrayList<>();
        for (Page page : pages) {
            Elements.collectScope(page.elements(), result);
        }
        return result;
    }
}
