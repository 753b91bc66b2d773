{{- define "uptrust.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 50 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "uptrust.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "web") */}}
{{- define "uptrust.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "uptrust.image" -}}
{{ printf "%s:%s" .Values.image.repository (required "image.tag must be pinned" .Values.image.tag) }}
{{- end -}}

{{/* The Secrets a component reads, projected as files under /var/run/secrets/uptrust: (dict "root" $ "files" (list "database-url" ...)) */}}
{{- define "uptrust.secretVolume" -}}
- name: secrets
  projected:
    defaultMode: 288 # 0440: the owner and the pod's group (fsGroup) read, nobody writes
    sources:
    {{- range .files }}
    {{- $v := $.root.Values }}
    {{- $ref := index (dict
      "database-url" $v.database.url "auth-secret" $v.authSecret "oidc-client-id" $v.oidc.clientId
      "oidc-client-secret" $v.oidc.clientSecret "metrics-token" $v.metricsToken "alertmanager-token" $v.alertmanagerToken
      "llm-api-key" $v.llmApiKey "slack-webhook-url" $v.notifications.slackWebhookUrl
      "pagerduty-routing-key" $v.notifications.pagerdutyRoutingKey "webhook-secret" $v.notifications.webhookSecret) . }}
      - secret:
          name: {{ $ref.secretKeyRef.name }}
          items:
            - key: {{ $ref.secretKeyRef.key }}
              path: {{ . }}
    {{- end }}
{{- end -}}

{{- define "uptrust.commonEnv" -}}
- name: DATABASE_URL_FILE
  value: /var/run/secrets/uptrust/database-url
- name: HOME
  value: /tmp
- name: UPTRUST_DATA_DIR
  value: /tmp/uptrust
{{- range $name, $value := .Values.env }}
- { name: {{ $name }}, value: {{ $value | quote }} }
{{- end }}
{{- end -}}

{{/* The egress every component needs: DNS and PostgreSQL. */}}
{{- define "uptrust.egressBase" -}}
- ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
- ports:
    - { protocol: TCP, port: {{ .Values.database.port }} }
  {{- with .Values.database.cidrs }}
  to:
    {{- range . }}
    - ipBlock: { cidr: {{ . }} }
    {{- end }}
  {{- end }}
{{- end -}}

{{/* The release's namespace, never `default` unless asked for: Uptrust's own guardrails warn about workloads there. */}}
{{- define "uptrust.namespace" -}}
{{- if and (eq .Release.Namespace "default") (not .Values.allowDefaultNamespace) -}}
{{- fail "install Uptrust in a namespace of its own (helm install -n uptrust --create-namespace), or set allowDefaultNamespace=true" -}}
{{- end -}}
{{ .Release.Namespace }}
{{- end -}}

{{/* The TCP port a URL reaches: its own, else its scheme's. */}}
{{- define "uptrust.urlPort" -}}
{{- $url := urlParse . -}}
{{- regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) | default (ternary "443" "80" (eq $url.scheme "https")) -}}
{{- end -}}

{{/* The analyze worker's way out to UPTRUST_PROMETHEUS_URL and each cluster's own in UPTRUST_PROMETHEUS_URLS. */}}
{{- define "uptrust.prometheusEgress" -}}
{{- $ports := list -}}
{{- with .Values.prometheus.url }}{{ $ports = append $ports (include "uptrust.urlPort" .) }}{{ end -}}
{{- range $cluster, $url := .Values.prometheus.urls }}{{ $ports = append $ports (include "uptrust.urlPort" $url) }}{{ end -}}
# The Prometheus HTTP API (UPTRUST_PROMETHEUS_URL, UPTRUST_PROMETHEUS_URLS).
- ports:
    {{- range $ports | uniq }}
    - { protocol: TCP, port: {{ . }} }
    {{- end }}
  {{- with .Values.prometheus.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* prometheus.urls as UPTRUST_PROMETHEUS_URLS: cluster=URL, comma-separated, in the order of the cluster names. */}}
{{- define "uptrust.prometheusUrls" -}}
{{- $pairs := list -}}
{{- range $cluster, $url := .Values.prometheus.urls }}{{ $pairs = append $pairs (printf "%s=%s" $cluster $url) }}{{ end -}}
{{ join "," $pairs }}
{{- end -}}

{{/* The notification channels the environment defines (notifications.*), as the names of their secret files. */}}
{{- define "uptrust.notifySecretFiles" -}}
{{- $n := .Values.notifications -}}
{{- if and $n.webhookUrl (not $n.webhookSecret.secretKeyRef) -}}
{{- fail "notifications.webhookUrl needs notifications.webhookSecret (a secretKeyRef to the secret its receiver checks signatures with)" -}}
{{- end -}}
{{- if and $n.webhookSecret.secretKeyRef (not $n.webhookUrl) -}}
{{- fail "notifications.webhookSecret signs messages to notifications.webhookUrl: set the URL too" -}}
{{- end -}}
{{- $files := list -}}
{{- if $n.slackWebhookUrl.secretKeyRef }}{{ $files = append $files "slack-webhook-url" }}{{ end -}}
{{- if $n.pagerdutyRoutingKey.secretKeyRef }}{{ $files = append $files "pagerduty-routing-key" }}{{ end -}}
{{- if $n.webhookSecret.secretKeyRef }}{{ $files = append $files "webhook-secret" }}{{ end -}}
{{ toJson $files }}
{{- end -}}

{{/*
The analyze worker's way out to the notification receivers: notifications.ports (Slack's and PagerDuty's 443) plus the
ports of the webhook and PagerDuty URLs, to notifications.to. Rendered when a channel is set here or adminChannels is true.
*/}}
{{- define "uptrust.notifyEgress" -}}
{{- $n := .Values.notifications -}}
{{- $ports := list -}}
{{- range $n.ports }}{{ $ports = append $ports (toString .) }}{{ end -}}
{{- with $n.webhookUrl }}{{ $ports = append $ports (include "uptrust.urlPort" .) }}{{ end -}}
{{- with $n.pagerdutyEventsUrl }}{{ $ports = append $ports (include "uptrust.urlPort" .) }}{{ end -}}
{{- if or (ne (include "uptrust.notifySecretFiles" .) "[]") $n.webhookUrl $n.adminChannels }}
# The notification receivers: Slack, PagerDuty, webhooks.
- ports:
    {{- range uniq $ports }}
    - { protocol: TCP, port: {{ . }} }
    {{- end }}
  {{- with $n.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}
