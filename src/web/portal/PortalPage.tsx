/**
 * The public portal at / (no sign-in): site header, banner, one card per section (registry: ./sections.tsx), footer.
 */
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Skeleton, Tag } from 'antd';
import { ArrowRightOutlined, LoginOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DEFAULT_SECTION_ICON, sectionDef } from './sections';
import { usePortalSite } from './usePortalSite';
import type { PortalSite } from '../types';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function PortalHeader({ site, current }: { site: PortalSite | null; current?: string }) {
  const today = dayjs();
  return (
    <>
      <div className="fz-portal-topbar">
        <div className="fz-portal-inner">
          <span>
            今天是 {today.format('YYYY年M月D日')} {WEEKDAYS[today.day()]}
          </span>
          <span className="fz-portal-topbar-links">
            <Link to="/login" data-testid="staff-login">
              <LoginOutlined /> 工作人员登录
            </Link>
          </span>
        </div>
      </div>
      <header className="fz-portal-header">
        <div className="fz-portal-inner fz-portal-brand">
          <span className="fz-portal-emblem">法</span>
          <div>
            <h1 className="fz-portal-title" data-testid="portal-title">
              {site ? site.title : <span className="fz-portal-title-loading">&nbsp;</span>}
            </h1>
            <div className="fz-portal-subtitle">法治政府建设信息公开与服务平台</div>
          </div>
        </div>
      </header>
      <nav className="fz-portal-nav" aria-label="栏目导航">
        <div className="fz-portal-inner">
          <Link to="/" className={!current ? 'active' : undefined}>
            首页
          </Link>
          {site?.sections.map((s) => (
            <Link key={s.key} to={`/p/${s.key}`} className={current === s.key ? 'active' : s.available ? undefined : 'muted'}>
              {sectionDef(s.key)?.title ?? s.title}
            </Link>
          ))}
        </div>
      </nav>
    </>
  );
}

export function PortalFooter({ site }: { site: PortalSite | null }) {
  return (
    <footer className="fz-portal-footer">
      <div className="fz-portal-inner">
        <div className="fz-portal-footer-links">
          <Link to="/">网站首页</Link>
          <span>|</span>
          <Link to="/login">工作人员登录</Link>
          <span>|</span>
          <a href="/api/docs" target="_blank" rel="noreferrer">
            数据接口
          </a>
        </div>
        <div>主办：{site ? site.title.replace(/法治政府建设$/, '') || site.title : '—'}</div>
        <div className="fz-portal-footer-small">
          © {dayjs().year()} {site?.title ?? '法治政府建设'} · 本站由 Fazhi 开源法治政府建设工作平台提供技术支持
        </div>
      </div>
    </footer>
  );
}

export default function PortalPage() {
  const site = usePortalSite();
  useEffect(() => {
    if (site) document.title = site.title;
  }, [site]);

  return (
    <div className="fz-portal" data-testid="portal">
      <PortalHeader site={site} />
      <section className="fz-portal-banner">
        <div className="fz-portal-inner fz-portal-banner-inner">
          <div className="fz-portal-banner-text">
            <div className="fz-portal-banner-kicker">法治政府建设</div>
            <h2>坚持依法行政　建设人民满意的法治政府</h2>
            <p>
              {'公开规范性文件、行政执法信息和法治政府建设年度报告，提供法定期限计算等便民服务，接受社会监督，推进严格规范公正文明执法。'}
            </p>
          </div>
          <div className="fz-portal-banner-box">
            <div className="fz-portal-banner-box-title">服务指引</div>
            <ul>
              <li>查阅现行有效规范性文件</li>
              <li>了解行政执法主体与事项</li>
              <li>阅读法治政府建设年度报告</li>
              <li>计算法定办理期限</li>
            </ul>
          </div>
        </div>
      </section>

      <main className="fz-portal-inner fz-portal-main">
        <div className="fz-portal-section-head">
          <h3>栏目导航</h3>
          <span className="fz-muted">各栏目随平台建设陆续开放</span>
        </div>
        {!site ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <Row gutter={[20, 20]} data-testid="portal-sections">
            {site.sections.map((s) => {
              const def = sectionDef(s.key);
              const title = def?.title ?? s.title;
              const open = s.available;
              const Summary = def?.Summary;
              const body = (
                <Card
                  id={s.key}
                  className={open ? 'fz-portal-card' : 'fz-portal-card fz-portal-card-off'}
                  hoverable={open && !!def?.page}
                  data-testid={`portal-section-${s.key}`}
                >
                  <div className="fz-portal-card-head">
                    <span className="fz-portal-card-icon" style={{ color: def?.color ?? '#b71c1c', borderColor: def?.color ?? '#b71c1c' }}>
                      {def?.icon ?? DEFAULT_SECTION_ICON}
                    </span>
                    <div className="fz-portal-card-title">
                      {title}
                      {!open && (
                        <Tag color="default" className="fz-building-tag">
                          建设中
                        </Tag>
                      )}
                    </div>
                  </div>
                  <div className="fz-portal-card-desc">{def?.description ?? '栏目内容'}</div>
                  {open && Summary && (
                    <div className="fz-portal-card-summary">
                      <Summary />
                    </div>
                  )}
                  {open && def?.page && (
                    <div className="fz-portal-card-more">
                      进入栏目 <ArrowRightOutlined />
                    </div>
                  )}
                </Card>
              );
              return (
                <Col key={s.key} xs={24} sm={12} lg={8}>
                  {open && def?.page ? <Link to={`/p/${s.key}`}>{body}</Link> : body}
                </Col>
              );
            })}
            <Col xs={24} sm={12} lg={8}>
              <Link to="/login">
                <Card className="fz-portal-card fz-portal-card-staff" hoverable data-testid="portal-staff-card">
                  <div className="fz-portal-card-head">
                    <span className="fz-portal-card-icon" style={{ color: '#1f6fb2', borderColor: '#1f6fb2' }}>
                      <TeamOutlined />
                    </span>
                    <div className="fz-portal-card-title">工作人员入口</div>
                  </div>
                  <div className="fz-portal-card-desc">机关工作人员登录工作平台，办理台账、法定期限、年度报告等工作。</div>
                  <div className="fz-portal-card-more">
                    工作人员登录 <ArrowRightOutlined />
                  </div>
                </Card>
              </Link>
            </Col>
          </Row>
        )}
      </main>
      <PortalFooter site={site} />
    </div>
  );
}
