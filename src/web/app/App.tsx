/**
 * The application shell: antd in Vietnamese, the query client, the router and the routes.
 */
import { lazy, Suspense } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError, setUnauthorizedHandler } from '../api/client.ts';
import { queryKeys } from '../api/hooks.ts';
import { RequireAuth } from './auth.tsx';
import { AppLayout } from './Layout.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { ChangePasswordPage } from '../pages/ChangePasswordPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { OrgPage } from '../pages/OrgPage.tsx';
import { MembersPage } from '../pages/MembersPage.tsx';
import { MemberPage } from '../pages/MemberPage.tsx';
import { MemberImportPage } from '../pages/MemberImportPage.tsx';
import { IncomingTransfersPage } from '../pages/IncomingTransfersPage.tsx';
import { BadgesPage } from '../pages/BadgesPage.tsx';
import { ReorganizePage } from '../pages/ReorganizePage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
import { AuditPage } from '../pages/AuditPage.tsx';
import { CalendarPage } from '../pages/CalendarPage.tsx';
import { RuleSetsPage } from '../pages/RuleSetsPage.tsx';
import { AdmissionsPage } from '../pages/AdmissionsPage.tsx';
import { AdmissionDossierPage } from '../pages/AdmissionDossierPage.tsx';
import { WorkQueuePage } from '../pages/WorkQueuePage.tsx';
import { MyMeetingsPage } from '../pages/MyMeetingsPage.tsx';
import { ComplianceListPage } from '../pages/ComplianceListPage.tsx';
import { EvaluationPage } from '../pages/EvaluationPage.tsx';
import { EvaluationPeriodPage } from '../pages/EvaluationPeriodPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { MeetingsPage } from '../pages/MeetingsPage.tsx';
import { MeetingPage } from '../pages/MeetingPage.tsx';
import { ReportOrgsPage } from '../pages/ReportOrgsPage.tsx';
import { DirectivesPage } from '../pages/DirectivesPage.tsx';
import { DirectivePage } from '../pages/DirectivePage.tsx';
import { SharePage } from '../pages/SharePage.tsx';
import { DueSharesPage } from '../pages/DueSharesPage.tsx';
import { TermTargetsPage } from '../pages/TermTargetsPage.tsx';
import { ProgrammesPage } from '../pages/ProgrammesPage.tsx';
import { TermsPage } from '../pages/TermsPage.tsx';
import { CongressPage } from '../pages/CongressPage.tsx';
import { InspectionPage } from '../pages/InspectionPage.tsx';
import { InspectionDisciplinesPage } from '../pages/InspectionDisciplinesPage.tsx';
import { InspectionItemsPage } from '../pages/InspectionItemsPage.tsx';

/** The results page carries the charts (ECharts, ~180 KB gzipped): loaded when it is opened, not with every page. */
const ReportsPage = lazy(() => import('../pages/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const EvaluationResultsPage = lazy(() => import('../pages/EvaluationResultsPage.tsx').then((m) => ({ default: m.EvaluationResultsPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

// A 401 anywhere means the session is gone: forget everything and let RequireAuth show the login page.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(queryKeys.me, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
});

// The default blue stays the primary colour: a red primary would make focused fields look like errors.
const theme = { token: { borderRadius: 6 } };

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<RequireAuth />}>
                <Route path="/change-password" element={<ChangePasswordPage />} />
                <Route element={<AppLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="/orgs/:id" element={<OrgPage />} />
                  <Route path="/members" element={<MembersPage />} />
                  <Route path="/members/import" element={<MemberImportPage />} />
                  <Route path="/members/:id" element={<MemberPage />} />
                  <Route path="/transfers/incoming" element={<IncomingTransfersPage />} />
                  <Route path="/badges" element={<BadgesPage />} />
                  <Route path="/inspection" element={<InspectionPage />} />
                  <Route path="/inspection/items" element={<InspectionItemsPage />} />
                  <Route path="/inspection/disciplines" element={<InspectionDisciplinesPage />} />
                  <Route path="/reorganize" element={<ReorganizePage />} />
                  <Route path="/users" element={<UsersPage />} />
                  <Route path="/audit" element={<AuditPage />} />
                  <Route path="/directives" element={<DirectivesPage />} />
                  <Route path="/directives/shares/:id" element={<SharePage />} />
                  <Route path="/directives/due" element={<DueSharesPage />} />
                  <Route path="/directives/:id" element={<DirectivePage />} />
                  <Route path="/programmes" element={<ProgrammesPage />} />
                  <Route path="/congress/terms" element={<TermsPage />} />
                  <Route path="/congress" element={<CongressPage />} />
                  <Route path="/congress/targets" element={<TermTargetsPage />} />
                  <Route path="/calendar" element={<CalendarPage />} />
                  <Route path="/rulesets" element={<RuleSetsPage />} />
                  <Route path="/admissions" element={<AdmissionsPage />} />
                  <Route path="/admissions/dossiers/:id" element={<AdmissionDossierPage />} />
                  <Route path="/work" element={<WorkQueuePage />} />
                  <Route path="/me/meetings" element={<MyMeetingsPage />} />
                  <Route path="/meetings" element={<MeetingsPage />} />
                  <Route path="/meetings/compliance" element={<ComplianceListPage />} />
                  <Route path="/meetings/:id" element={<MeetingPage />} />
                  <Route path="/evaluation" element={<EvaluationPage />} />
                  <Route
                    path="/evaluation/results"
                    element={
                      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                        <EvaluationResultsPage />
                      </Suspense>
                    }
                  />
                  <Route path="/evaluation/:id" element={<EvaluationPeriodPage />} />
                  <Route
                    path="/reports"
                    element={
                      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                        <ReportsPage />
                      </Suspense>
                    }
                  />
                  <Route path="/reports/orgs" element={<ReportOrgsPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
