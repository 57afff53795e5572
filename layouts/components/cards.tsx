// The cards of the practice's locations and providers.
import type { Site, Provider } from "../../lib/model/model.ts";
import { practiceIn } from "../../lib/model/lookup.ts";
import type { Lang } from "../../lib/i18n/index.ts";
import type { LocationText as Location } from "../../lib/model/model.ts";
import { t, telHref } from "./format.ts";

export function LocationCard({ site, location, lang }: { site: Site; location: Location; lang: Lang }): JSX.Element {
  const phone = location.phone ?? practiceIn(site, lang).phone;
  const a = location.address;
  return (
    <div class="card location">
      <h3>{location.name}</h3>
      <p class="location__addr">
        {a.street}
        <br />
        {a.city}, {a.region} {a.postalCode}
      </p>
      <p>
        {t(lang, "locations.phone")}: <a href={telHref(phone)}>{phone}</a>
      </p>
      {location.parking && <p class="muted">{location.parking}</p>}
      {location.mapUrl && (
        <p>
          <a href={location.mapUrl}>{t(lang, "locations.directions", { location: location.name })}</a>
        </p>
      )}
    </div>
  );
}

export function ProviderCard({ site, provider, lang }: { site: Site; provider: Provider; lang: Lang }): JSX.Element {
  return (
    <li class="card provider-card">
      {provider.avatar ? (
        <div class="provider-card__photo">{{ html: provider.avatar }}</div>
      ) : (
        <span class="provider-card__photo monogram" aria-hidden="true">
          {provider.initials}
        </span>
      )}
      <h3>
        <a href={site.urls.href(provider.url)} hreflang={provider.lang !== lang ? provider.lang : undefined}>
          {provider.fullName}
        </a>
      </h3>
      <p class="provider-card__role">{provider.role}</p>
      {provider.languages.length > 0 && (
        <p class="muted">
          {t(lang, "provider.languages")}: {provider.languages.join(", ")}
        </p>
      )}
    </li>
  );
}
