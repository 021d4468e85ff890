package org.formularium.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import org.formularium.security.Role;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;


import com.github.mvysny.kaributesting.v10.GridKt;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AdminSystemViewTest extends AbstractKaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void admin_sees_database_mail_and_outbox_health() {
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("admin");

        String facts = _get(DescriptionList.class).getElement().getTextRecursively();
        assertThat(facts).contains("Datenbank", "UP", "E-Mail-Versand", "Offene Aufgaben", "Endgültig fehlgeschlagene Aufgaben");
    }

    @Test
    void a_dead_letter_is_listed_and_can_be_retried() {
        Long id = jdbc.queryForObject("insert into outbox(kind, status, attempts, next_attempt_at, last_error, created_at)"
                + " values ('TEST_DEAD', 'DEAD', 8, now(), 'HTTP 500', now()) returning id", Long.class);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin");
        AdminView view = _get(AdminView.class);
        int before = _size(view.deadLetters);

        int row = -1;
        for (int i = 0; i < _size(view.deadLetters); i++) {
            if (GridKt._get(view.deadLetters, i).id() == id) {
                row = i;
            }
        }
        assertThat(row).as("dead letter listed").isNotNegative();
        Button retry = (Button) GridKt._getCellComponent(view.deadLetters, row, "action");
        assertThat(retry.getElement().getAttribute("aria-label")).isEqualTo("Aufgabe TEST_DEAD Nr. " + id + " erneut versuchen");
        _click(retry);

        assertThat(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)).isIn("PENDING", "DEAD");
        assertThat(jdbc.queryForObject("select attempts from outbox where id = ?", Integer.class, id)).isLessThan(8);
        assertThat(_size(view.deadLetters)).isLessThanOrEqualTo(before);
        jdbc.update("delete from outbox where id = ?", id);
    }
}
