import { Button, Page, PageContent, PageFooter, Paragraph, SkipLink } from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { destinations, landingPath, navGroups, visibleTo } from "../app/navigation.ts";
import { accountPath } from "../app/paths.ts";
import { AppLink, usePath } from "../app/router.tsx";
import { useSession } from "../app/session.tsx";
import { t, tOptional } from "../i18n/i18n.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** The current page for the menu: the destination whose address is the longest start of the path. */
function currentHref(path: string, hrefs: string[]): string | null {
  let best: string | null = null;
  for (const href of hrefs) {
    const matches = path === href || (href !== "/" && path.startsWith(`${href}/`));
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}

/**
 * The frame of every page: skip link, a compact header (name, role, language, log out), the menu grouped
 * as Werk · Samenwerken · Sturing · Beheer (a side column on wide screens, behind a button on a phone),
 * the main content and the footer. Residents get only the compact header: the portal has its own menu.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { state, logout } = useSession();
  const session = state.status === "authenticated" ? state.session : null;
  const mainRef = useRef<HTMLElement>(null);
  const path = usePath();
  const firstRender = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    // After navigating, move focus to the new content so screen readers start there.
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (path) mainRef.current?.focus();
  }, [path]);

  const resident = session?.user.role === "resident";
  const allowed = session && !resident ? destinations.filter((item) => visibleTo(session, item)) : [];
  const current = currentHref(
    path,
    allowed.map((item) => item.href),
  );
  const home = session ? landingPath(session) : "/";

  return (
    <Page className={`ww-page${allowed.length > 0 ? " ww-page--nav" : ""}`}>
      <SkipLink href="#main-content">{t("app.skipLink")}</SkipLink>
      <header className="ww-header">
        <div className="ww-header__bar">
          <AppLink href={home} className="ww-brand">
            {t("app.name")}
          </AppLink>
          <div className="ww-header__tools">
            {session && (
              <Paragraph className="ww-user" data-testid="current-user">
                <span className="ww-visually-hidden">{t("header.userMenu")} </span>
                <strong>{session.user.displayName}</strong>
                <span className="ww-user__role">
                  {" "}
                  · {tOptional(`role.${session.user.role}`) ?? session.user.role}
                </span>
              </Paragraph>
            )}
            <LanguageSwitch />
            {session && (
              <>
                <AppLink href={accountPath}>{t("account.link")}</AppLink>
                <Button appearance="secondary-action-button" onClick={() => void logout()}>
                  {t("header.logout")}
                </Button>
              </>
            )}
            {allowed.length > 0 && (
              <Button
                appearance="secondary-action-button"
                className="ww-menu-button"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen(!menuOpen)}
              >
                {t("header.menu")}
              </Button>
            )}
          </div>
        </div>
      </header>
      <div className="ww-layout">
        {allowed.length > 0 && (
          <nav
            id="main-nav"
            aria-label={t("header.mainNav")}
            className={`ww-sidenav${menuOpen ? " ww-sidenav--open" : ""}`}
          >
            {navGroups.map((group) => {
              const items = allowed.filter((item) => item.group === group);
              if (items.length === 0) return null;
              return (
                <section key={group} aria-labelledby={`nav-${group}`} className="ww-sidenav__group">
                  <h2 id={`nav-${group}`} className="ww-sidenav__title">
                    {t(`nav.group.${group}`)}
                  </h2>
                  <ul>
                    {items.map((item) => (
                      <li key={item.href}>
                        <AppLink
                          href={item.href}
                          className={item.href === current ? "ww-sidenav__link--current" : undefined}
                          aria-current={item.href === current ? "page" : undefined}
                        >
                          {t(item.label)}
                        </AppLink>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </nav>
        )}
        <PageContent className="ww-content">
          <main id="main-content" tabIndex={-1} ref={mainRef} className="ww-main">
            {children}
          </main>
        </PageContent>
      </div>
      <PageFooter className="ww-footer">
        <Paragraph>{t("app.footer")}</Paragraph>
      </PageFooter>
    </Page>
  );
}
