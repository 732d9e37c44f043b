package dev.invitriage.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of LinkedIn's Connections.csv: somebody the user is already connected to.
 *
 * @param connectedOn null when the export has no usable date
 */
public record Connection(
    String firstName,
    String lastName,
    String url,
    String email,
    String company,
    String position,
    LocalDate connectedOn) {

  public Connection {
    firstName = Objects.requireNonNullElse(firstName, "");
    lastName = Objects.requireNonNullElse(lastName, "");
    url = Objects.requireNonNullElse(url, "");
    email = Objects.requireNonNullElse(email, "");
    company = Objects.requireNonNullElse(company, "");
    position = Objects.requireNonNullElse(position, "");
  }

  /** First and last name joined by one space, or the empty string for a hidden profile. */
  public String fullName() {
    return (firstName.strip() + " " + lastName.strip()).strip();
  }
}
