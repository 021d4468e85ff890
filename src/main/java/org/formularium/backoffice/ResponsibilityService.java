package org.formularium.backoffice;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clerks (directly or through a clerk group) are responsible for which forms. Every read of
 * submissions in the back office (inbox, detail, exports, downloads) goes through {@link #scopeOf(Clerk)}:
 * a clerk sees only the submissions of their forms, an administrator sees all.
 */
@Service
public class ResponsibilityService {

    private final ResponsibilityRepository repository;

    private final AuditService audit;

    ResponsibilityService(ResponsibilityRepository repository, AuditService audit) {
        this.audit = audit;
        this.repository = repository;
    }

    /** Creates a clerk group (or returns the existing one of that name); returns its id. */
    @Transactional
    public long createGroup(String name) {
        long id = repository.createGroup(name);
        audit.record(AuditAction.CREATE, AuditTarget.CLERK_GROUP, Long.toString(id), Map.of("name", name));
        return id;
    }

    @Transactional
    public void addToGroup(long groupId, String username) {
        repository.addMember(groupId, username);
        audit.record(AuditAction.CHANGE, AuditTarget.CLERK_GROUP, Long.toString(groupId), Map.of("added", username));
    }

    @Transactional
    public void removeFromGroup(long groupId, String username) {
        repository.removeMember(groupId, username);
        audit.record(AuditAction.CHANGE, AuditTarget.CLERK_GROUP, Long.toString(groupId), Map.of("removed", username));
    }

    /** Makes a user responsible for a form (nothing happens if they already are). */
    @Transactional
    public void assignUser(String formKey, String username, String by) {
        repository.assignUser(formKey, username, by);
        audit.record(AuditAction.CREATE, AuditTarget.RESPONSIBILITY, formKey, Map.of("user", username));
    }

    @Transactional
    public void unassignUser(String formKey, String username) {
        repository.unassignUser(formKey, username);
        audit.record(AuditAction.DELETE, AuditTarget.RESPONSIBILITY, formKey, Map.of("user", username));
    }

    /** Makes every member of a group responsible for a form. */
    @Transactional
    public void assignGroup(String formKey, long groupId, String by) {
        repository.assignGroup(formKey, groupId, by);
        audit.record(AuditAction.CREATE, AuditTarget.RESPONSIBILITY, formKey, Map.of("group", groupId));
    }

    @Transactional
    public void unassignGroup(String formKey, long groupId) {
        repository.unassignGroup(formKey, groupId);
        audit.record(AuditAction.DELETE, AuditTarget.RESPONSIBILITY, formKey, Map.of("group", groupId));
    }

    /** The keys of the forms a user is responsible for, directly or through their groups. */
    @Transactional(readOnly = true)
    public Set<String> formsOf(String username) {
        return repository.formsOf(username);
    }

    /** The users responsible for a form (candidates to assign a submission to). */
    @Transactional(readOnly = true)
    public List<String> usersOf(String formKey) {
        return repository.usersOf(formKey);
    }

    /** What a staff member may read. */
    @Transactional(readOnly = true)
    public FormScope scopeOf(Clerk clerk) {
        return clerk.admin() ? FormScope.everything() : FormScope.of(repository.formsOf(clerk.username()));
    }

    /** Every clerk group with its members (administration). */
    @Transactional(readOnly = true)
    public List<ClerkGroupSummary> groups() {
        return repository.groups();
    }

    /** The direct assignments of users and groups, per form key, for forms that have any (administration). */
    @Transactional(readOnly = true)
    public Map<String, FormResponsibility> responsibilities() {
        return repository.responsibilities();
    }
}
