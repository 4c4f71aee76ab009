package org.safesteps.account;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The {@code accounts} collection. */
@Component
public class AccountStore {

	private final MongoTemplate mongo;

	private final PasswordEncoder encoder;

	private final Clock clock;

	public AccountStore(MongoTemplate mongo, PasswordEncoder encoder, Clock clock) {
		this.mongo = mongo;
		this.encoder = encoder;
		this.clock = clock;
	}

	public Optional<Account> findByEmail(String email) {
		return Optional.ofNullable(this.mongo.findOne(byEmail(Account.normaliseEmail(email)), Account.class));
	}

	public Optional<Account> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Account.class));
	}

	public boolean adminExists() {
		return this.mongo.exists(Query.query(Criteria.where("roles").is(Account.Role.ADMIN.name())), Account.class);
	}

	/**
	 * Creates an account; the unique e-mail index decides races.
	 * @throws EmailTakenException when an account with this e-mail exists
	 */
	public Account create(String email, String name, String rawPassword, boolean admin) {
		EnumSet<Account.Role> roles = admin ? EnumSet.of(Account.Role.TEACHER, Account.Role.ADMIN)
				: EnumSet.of(Account.Role.TEACHER);
		Account account = new Account(null, Account.normaliseEmail(email), name.strip(),
				this.encoder.encode(rawPassword), roles, Account.Status.ACTIVE, this.clock.instant());
		try {
			return this.mongo.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new EmailTakenException();
		}
	}

	/** Every account, for the admin's list: a school has tens of teachers, not thousands. */
	public List<Account> all() {
		return this.mongo.find(new Query().with(Sort.by("name", "email")), Account.class);
	}

	/** Enables or disables an account; a disabled account cannot sign in and its sessions end. */
	public boolean setStatus(String accountId, Account.Status status) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)), Update.update("status", status),
				Account.class).getMatchedCount() > 0;
	}

	private static Query byEmail(String email) {
		return Query.query(Criteria.where("email").is(email));
	}

	/** An account with this e-mail address already exists. */
	public static class EmailTakenException extends RuntimeException {

		EmailTakenException() {
			super("An account with this e-mail address already exists.");
		}

	}

}
