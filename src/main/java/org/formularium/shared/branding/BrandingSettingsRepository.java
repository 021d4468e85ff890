package org.formularium.shared.branding;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.formularium.jooq.Tables.APP_SETTING;

/** Table {@code app_setting}, rows whose key starts with {@code branding.}. */
@Repository
class BrandingSettingsRepository {

    static final String ACTIVE = "branding.pack";
    static final String FORM_PREFIX = "branding.form.";

    private final DSLContext dsl;

    BrandingSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> get(String key) {
        return dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    void put(String key, String value, String user, OffsetDateTime now) {
        dsl.insertInto(APP_SETTING).set(APP_SETTING.SETTING_KEY, key).set(APP_SETTING.SETTING_VALUE, value)
                .set(APP_SETTING.UPDATED_AT, now).set(APP_SETTING.UPDATED_BY, user)
                .onConflict(APP_SETTING.SETTING_KEY).doUpdate()
                .set(APP_SETTING.SETTING_VALUE, value).set(APP_SETTING.UPDATED_AT, now).set(APP_SETTING.UPDATED_BY, user)
                .execute();
    }

    void remove(String key) {
        dsl.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key)).execute();
    }

    /** Values of all keys with the prefix, keyed by the rest of the key, sorted. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        dsl.select(APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.startsWith(prefix)).orderBy(APP_SETTING.SETTING_KEY)
                .forEach(r -> result.put(r.value1().substring(prefix.length()), r.value2()));
        return result;
    }
}
