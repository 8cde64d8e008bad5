import {
  Button,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useRef } from "react";
import { destinations } from "../app/navigation.ts";
import { AppLink, usePath } from "../app/router.tsx";
import { hasAnyPermission, useSession } from "../app/session.tsx";
import { accountPath } from "../features/auth/AccountPage.tsx";
import { t, tOptional } from "../i18n/i18n.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** The frame of every page: skip link, header, menu (when signed in), main content, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { state, logout } = useSession();
  const session = state.status === "authenticated" ? state.session : null;
  const mainRef = useRef<HTMLElement>(null);
  const path = usePath();
  const firstRender = useRef(true);

  useEffect(() => {
    // After navigating, move focus to the new content so screen readers start there.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (path) mainRef.current?.focus();
  }, [path]);

  const allowed = session ? destinations.filter((item) => hasAnyPermission(session, item.anyOf)) : [];

  return (
    <Page className="ww-page">
      <SkipLink href="#main-content">{t("app.skipLink")}</SkipLink>
      <PageHeader className="ww-header">
        <div className="ww-header__bar">
          <div>
            <AppLink href="/" className="ww-brand">
              {t("app.name")}
            </AppLink>
            <Paragraph appearance="small">{t("app.tagline")}</Paragraph>
          </div>
          <div className="ww-header__tools">
            <LanguageSwitch />
            {session && (
              <>
                <Paragraph className="ww-user" data-testid="current-user">
                  <span className="ww-visually-hidden">{t("header.userMenu")} </span>
                  <strong>{session.user.displayName}</strong>
                  <br />
                  {tOptional(`role.${session.user.role}`) ?? session.user.role} ·{" "}
                  {session.user.municipalityName}
                </Paragraph>
                <AppLink href={accountPath}>{t("account.link")}</AppLink>
                <Button appearance="secondary-action-button" onClick={() => void logout()}>
                  {t("header.logout")}
                </Button>
              </>
            )}
          </div>
        </div>
        {allowed.length > 0 && (
          <nav aria-label={t("header.mainNav")} className="ww-nav">
            <ul>
              <li>
                <AppLink href="/">{t("nav.home")}</AppLink>
              </li>
              {allowed.map((item) => (
                <li key={item.href}>
                  <AppLink href={item.href}>{t(item.label)}</AppLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </PageHeader>
      <PageContent>
        <main id="main-content" tabIndex={-1} ref={mainRef} className="ww-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="ww-footer">
        <Paragraph>{t("app.footer")}</Paragraph>
      </PageFooter>
    </Page>
  );
}
