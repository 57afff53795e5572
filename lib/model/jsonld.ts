// schema.org structured data a page embeds: the model as plain objects, no I/O (the layouts
// put them in a <script type="application/ld+json">, through serializeJsonLd).
import type { Event, Page, Post, Provider, Site } from "./model.ts";
import type { LocationText as Location } from "./model.ts";
import { WEEKDAYS } from "../schema/practice.ts";
import { closuresFor } from "./hours.ts";
import { machineDate } from "./time.ts";
import { eventLocation, practiceIn } from "./lookup.ts";
import { commentsJsonLd } from "../comments/jsonld.ts";

type Json = Record<string, unknown>;
const DAY_URI = (d: string) => `https://schema.org/${d[0]!.toUpperCase()}${d.slice(1)}`;

function postalAddress(loc: Location): Json {
  const a = loc.address;
  return {
    "@type": "PostalAddress",
    streetAddress: a.street,
    addressLocality: a.city,
    addressRegion: a.region,
    postalCode: a.postalCode,
    addressCountry: a.country,
  };
}

function openingHours(loc: Location): Json[] {
  return WEEKDAYS.flatMap((day) =>
    (loc.hours[day] ?? []).map((iv) => ({
      "@type": "OpeningHoursSpecification",
      dayOfWeek: DAY_URI(day),
      opens: iv.slice(0, 5),
      closes: iv.slice(6),
    })),
  );
}

function specialHours(site: Site, loc: Location): Json[] {
  return closuresFor(site.practice.closures, loc).flatMap((c) =>
    // Google's convention for "closed all day": opens and closes at 00:00.
    (c.hours.length ? c.hours : ["00:00-00:00"]).map((iv) => ({
      "@type": "OpeningHoursSpecification",
      validFrom: c.from,
      validThrough: c.until,
      opens: iv.slice(0, 5),
      closes: iv.slice(6),
    })),
  );
}

export function clinicJsonLd(site: Site): Json {
  const p = site.practice;
  const u = site.urls;
  const shared = {
    url: u.absolute("/"),
    logo: u.absolute("/assets/favicon.svg"),
    medicalSpecialty: "https://schema.org/Pediatric",
    isAcceptingNewPatients: p.newPatients.accepting,
    ...(p.languagesSpoken?.length ? { availableLanguage: p.languagesSpoken } : {}),
    ...(p.social && Object.values(p.social).length ? { sameAs: Object.values(p.social) } : {}),
    ...(p.email ? { email: p.email } : {}),
  };
  const clinics = p.locations.map((loc) => ({
    "@type": "MedicalClinic",
    "@id": u.absolute(`/#${loc.key}`),
    name: p.locations.length > 1 ? `${p.name}, ${loc.name}` : p.name,
    description: p.description,
    telephone: loc.phone ?? p.phone,
    address: postalAddress(loc),
    ...(loc.geo ? { geo: { "@type": "GeoCoordinates", latitude: loc.geo.lat, longitude: loc.geo.lng } } : {}),
    ...(loc.mapUrl ? { hasMap: loc.mapUrl } : {}),
    openingHoursSpecification: openingHours(loc),
    ...(p.closures?.length ? { specialOpeningHoursSpecification: specialHours(site, loc) } : {}),
    ...shared,
  }));
  return { "@context": "https://schema.org", "@graph": clinics };
}

export function physicianJsonLd(site: Site, provider: Provider): Json {
  const u = site.urls;
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: provider.name,
    honorificSuffix: provider.credentials || undefined,
    jobTitle: provider.role || undefined,
    url: u.absolute(provider.url),
    ...(provider.languages.length ? { knowsLanguage: provider.languages } : {}),
    worksFor: { "@type": "MedicalClinic", name: site.practice.name, url: u.absolute("/") },
  };
}

export function blogPostingJsonLd(site: Site, post: Post): Json {
  const u = site.urls;
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.description,
    datePublished: machineDate(post.date),
    url: u.absolute(post.url),
    mainEntityOfPage: u.absolute(post.url),
    inLanguage: post.lang,
    ...(post.tags.length ? { keywords: post.tags.map((t) => t.name).join(", ") } : {}),
    author: post.author
      ? {
          "@type": "Person",
          name: post.author.name,
          honorificSuffix: post.author.credentials || undefined,
          url: u.absolute(post.author.url),
        }
      : { "@type": "Organization", name: site.practice.name, url: u.absolute("/") },
    publisher: { "@type": "MedicalClinic", name: site.practice.name, url: u.absolute("/"), logo: u.absolute("/assets/favicon.svg") },
    ...commentsJsonLd(site, post),
  };
}

export function eventJsonLd(site: Site, event: Event): Json {
  const u = site.urls;
  const loc = eventLocation(site, event) ?? practiceIn(site, event.lang).locations[0];
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.description,
    startDate: machineDate(event.start),
    endDate: machineDate(event.end),
    url: u.absolute(event.url),
    eventStatus: event.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    ...(loc ? { location: { "@type": "Place", name: `${site.practice.name}, ${loc.name}`, address: postalAddress(loc) } } : {}),
    organizer: { "@type": "MedicalClinic", name: site.practice.name, url: u.absolute("/") },
    ...(event.registration
      ? {
          offers: { "@type": "Offer", url: event.registration, price: 0, priceCurrency: "USD", availability: "https://schema.org/InStock" },
        }
      : {}),
  };
}

export function faqJsonLd(page: Page): Json | undefined {
  if (!page.faq?.length) return undefined;
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: page.faq.map((q) => ({ "@type": "Question", name: q.question, acceptedAnswer: { "@type": "Answer", text: q.answerHtml } })),
  };
}

/** Safe inside <script type="application/ld+json">: no "</script>" or "<!--" can appear. */
export function serializeJsonLd(data: Json): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
