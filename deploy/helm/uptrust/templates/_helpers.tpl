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
    {{- $ref := index (dict "database-url" $.root.Values.database.url "auth-secret" $.root.Values.authSecret "oidc-client-id" $.root.Values.oidc.clientId "oidc-client-secret" $.root.Values.oidc.clientSecret "metrics-token" $.root.Values.metricsToken "alertmanager-token" $.root.Values.alertmanagerToken) . }}
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

{{/* The analyze worker's way out to UPTRUST_PROMETHEUS_URL: the URL's port, else its scheme's. */}}
{{- define "uptrust.prometheusEgress" -}}
{{- $url := urlParse .Values.prometheus.url -}}
{{- $port := regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) | default (ternary "443" "80" (eq $url.scheme "https")) -}}
# The Prometheus HTTP API (UPTRUST_PROMETHEUS_URL).
- ports:
    - { protocol: TCP, port: {{ $port }} }
  {{- with .Values.prometheus.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
