package io.coldtrace.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.access.Visibility;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Named parameters become positional ones; casts, quoted text and comments stay as they are. */
class SqlTest {
    @Test
    void namesBecomeQuestionMarksInOrderAndARepeatedNameBindsEveryUse() {
        Sql sql = Sql.of("SELECT a FROM t WHERE (:all OR org = :org) AND id = :id AND other_org = :org");
        assertThat(sql.jdbc()).isEqualTo("SELECT a FROM t WHERE (? OR org = ?) AND id = ? AND other_org = ?");
        assertThat(sql.names()).containsExactly("all", "org", "id");
    }

    @Test
    void castsQuotedTextAndCommentsAreNotParameters() {
        Sql sql = Sql.of("SELECT ':not', \"col:x\", CAST(:v AS text)::int -- see :nothing\nFROM t WHERE x = :x");
        assertThat(sql.names()).containsExactly("v", "x");
        assertThat(sql.jdbc()).isEqualTo("SELECT ':not', \"col:x\", CAST(? AS text)::int -- see :nothing\n"
                + "FROM t WHERE x = ?");
    }

    @Test
    void anUnknownNameOrAnUnboundOneFailsLoudly() {
        Sql sql = Sql.of("SELECT 1 WHERE :a AND :b");
        assertThatThrownBy(() -> sql.bind("c", 1)).hasMessageContaining("no parameter :c");
        assertThatThrownBy(() -> sql.bind("a", true).prepare((Connection) null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(":b is not bound");
    }

    @Test
    void visibilityBindsItsOwnNames() {
        Sql sql = Sql.of("SELECT 1 FROM site s WHERE " + Visibility.owned("s.org_id"));
        assertThat(sql.names()).containsExactly(Visibility.ALL_PARAM, Visibility.ORG_PARAM);
        assertThat(sql.jdbc()).isEqualTo("SELECT 1 FROM site s WHERE (? OR s.org_id = ?)");
    }
}
